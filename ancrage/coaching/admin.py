from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.formats import localize
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from ancrage.coaching.models import Coach, Coachee, Engagement, Note, Practice
from ancrage.consent.services import Source, record_opt_out


@admin.register(Practice)
class PracticeAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "sms_provider", "created"]
    readonly_fields = ["webhook_token"]
    prepopulated_fields = {"slug": ["name"]}

    # The field has no translated name yet (a coaching migration would give it one).
    @admin.display(description=_("created on"), ordering="created_at")
    def created(self, practice: Practice) -> str:
        return localize(timezone.localtime(practice.created_at))


@admin.register(Coach)
class CoachAdmin(admin.ModelAdmin):
    list_display = ["__str__", "practice", "role"]
    list_filter = ["practice", "role"]


@admin.register(Coachee)
class CoacheeAdmin(admin.ModelAdmin):
    list_display = ["name", "phone", "practice", "language", "consent", "is_unknown"]
    list_filter = ["practice", "language", "consent", "is_unknown"]
    search_fields = ["name", "phone"]
    # Consent belongs to the number and changes only through ancrage.consent, with a trace:
    # only the person opts back in (START by SMS); staff may record an opt-out, signed.
    readonly_fields = ["consent", "consent_changed_at", "consent_source", "consent_history"]
    actions = ["record_opt_out"]

    @admin.display(description=_("consent history"))
    def consent_history(self, coachee: Coachee) -> str:
        rows = [
            (
                localize(timezone.localtime(event.created_at)),
                "STOP" if event.opted_out else "START",
                event.get_source_display(),
                event.detail,
            )
            for event in (coachee.consent_history() if coachee.pk else [])
        ]
        return format_html_join(mark_safe("<br>"), "{} · {} · {} · {}", rows) or "—"

    @admin.action(description=_("Record an opt-out (asked outside SMS)"))
    def record_opt_out(self, request: HttpRequest, queryset: QuerySet[Coachee]) -> None:
        for coachee in queryset:
            record_opt_out(
                coachee.practice, coachee.phone, Source.ADMIN, coachee=coachee,
                actor=request.user, detail=f"admin: {request.user.get_username()}",
            )  # fmt: skip


@admin.register(Engagement)
class EngagementAdmin(admin.ModelAdmin):
    list_display = ["coachee", "coach", "status", "started_on", "ended_on"]
    list_filter = ["practice", "status"]


@admin.register(Note)
class NoteAdmin(admin.ModelAdmin):
    list_display = ["__str__", "engagement", "author", "created_at"]
