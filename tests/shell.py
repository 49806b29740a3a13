"""Browser helpers for the shell: reach a menu entry the way a person does.

The menu hides behind the "Menu" button on a narrow screen, and each group is a disclosure
that is open only on its own pages; ``menu_link`` opens what has to be opened and returns
the link, so a test reads ``menu_link(page, "people:data_saya").click()``.
"""

from __future__ import annotations


def open_menu(page) -> None:
    toggle = page.locator("[data-testid=menu-toggle]")
    if toggle.is_visible() and toggle.get_attribute("aria-expanded") != "true":
        toggle.click()


def menu_link(page, name: str):
    """The visible menu link to the page of URL name ``name``."""
    link = page.locator(f"[data-testid=main-nav] a[data-nav='{name}']")
    open_menu(page)
    if not link.is_visible():
        inner = page.locator(f"a[data-nav='{name}']")  # has= is matched inside each details
        page.locator("[data-testid=main-nav] details", has=inner).locator("summary").click()
    return link


def menu_labels(page) -> list[str]:
    """Every entry of the menu in order, open or not (closed groups hide their text)."""
    return [text.strip() for text in page.locator("[data-testid=main-nav] a").all_text_contents()]
