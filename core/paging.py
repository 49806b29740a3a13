"""Pagination shared by every list screen."""

from django.core.paginator import Paginator

PAGE_SIZE = 50


def paginate(request, items, *, per_page: int = PAGE_SIZE) -> dict:
    """Context for core/_pagination.html: the page and the query string to keep filters."""
    page = Paginator(items, per_page).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    encoded = query.urlencode()
    return {"page_obj": page, "query_without_page": f"{encoded}&" if encoded else ""}
