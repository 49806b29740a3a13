from django import template

from core.notifications.queries import unread_count

register = template.Library()


@register.simple_tag
def unread_notification_count(user) -> int:
    """``{% unread_notification_count user as unread %}``: one COUNT query per page."""
    return unread_count(user)


@register.filter
def local_link(url: str) -> str:
    """``url`` when it is a path on this site, else "": a notification never links elsewhere."""
    return url if url.startswith("/") and not url.startswith("//") and "\\" not in url else ""
