"""Reads of the campaign admin: the campaigns staff may manage, and a campaign's questions."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Count, QuerySet
from django.shortcuts import get_object_or_404

from accounts.roles import Capability
from campaigns.models import Campaign
from core.permissions import user_can


def campaigns_for_staff(user) -> QuerySet[Campaign]:
    if not (user_can(user, Capability.MANAGE_CAMPAIGNS) or user_can(user, Capability.REVIEW_CAMPAIGNS)):
        return Campaign.objects.none()
    return Campaign.objects.annotate(
        question_count=Count("questions", distinct=True), submission_count=Count("submissions", distinct=True)
    ).order_by("-opens_at", "-id")


def get_campaign_for_manager(user, slug: str) -> Campaign:
    if not user_can(user, Capability.MANAGE_CAMPAIGNS):
        raise PermissionDenied
    return get_object_or_404(Campaign, slug=slug)


def get_published_campaign(slug: str) -> Campaign:
    return get_object_or_404(Campaign, slug=slug, published=True)


def questions_of(campaign: Campaign) -> list:
    return list(campaign.questions.order_by("order", "id"))
