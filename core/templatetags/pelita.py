import enum
from functools import cache

from django import template
from django.db import models

register = template.Library()


@register.filter
def get_item(mapping, key):
    """``{{ dict|get_item:key }}``: templates cannot index a dict by a variable."""
    try:
        return mapping.get(key)
    except AttributeError:
        return None


# --- Labels of coded values ------------------------------------------------------------


def _choice_classes() -> list[type]:
    """Every models.Choices of the project's apps and every labelled StrEnum of regulations."""
    import importlib
    import inspect
    import pkgutil

    from django.apps import apps
    from django.conf import settings

    import regulations

    def walk(namespace, seen):
        for value in vars(namespace).values():
            if inspect.isclass(value) and value not in seen:
                seen.add(value)
                if issubclass(value, models.Choices | enum.StrEnum) and value not in _BASES:
                    yield value
                if value.__module__ == namespace.__name__ or inspect.isclass(namespace):
                    yield from walk(value, seen)

    seen: set = set()
    classes = []
    for config in apps.get_app_configs():
        if config.models_module is not None and config.path.startswith(str(settings.BASE_DIR)):
            classes += walk(config.models_module, seen)
    for info in pkgutil.iter_modules(regulations.__path__):
        if info.name not in ("__main__", "cli"):
            classes += walk(importlib.import_module(f"regulations.{info.name}"), seen)
    return classes


_BASES = (models.Choices, models.TextChoices, models.IntegerChoices)


@cache
def _labels() -> dict[str, dict[str, object]]:
    """{code: {choices class name: label}}; a Django label stays lazy (translated per request)."""
    table: dict[str, dict[str, object]] = {}
    for cls in _choice_classes():
        for member in cls:
            text = getattr(member, "label", None)
            if isinstance(member.value, str) and text is not None and text != member.value:
                table.setdefault(member.value, {})[cls.__name__] = text
    return table


@register.filter
def label(value, kind: str = ""):
    """The label a person reads for a coded value: ``{{ row.jenjang|label:"Jenjang" }}``.

    A choices member gives its own label; a bare code (a value kept in JSON or a
    ``values_list``) is looked up among every choice of the project, in the class named by
    ``kind`` when codes of two classes collide. Anything else is shown as it is.
    """
    if value is None or value == "":
        return value
    own = getattr(value, "label", None)
    if isinstance(value, enum.Enum) and own is not None:
        return own
    found = _labels().get(str(value))
    if not found:
        return value
    if kind and kind in found:
        return found[kind]
    return next(iter(found.values()))
