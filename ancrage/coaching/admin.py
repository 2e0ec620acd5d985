from django.contrib import admin

from ancrage.coaching.models import Coach, Coachee, Engagement, Note, Practice


@admin.register(Practice)
class PracticeAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "sms_provider", "created_at"]
    readonly_fields = ["webhook_token"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Coach)
class CoachAdmin(admin.ModelAdmin):
    list_display = ["__str__", "practice", "role"]
    list_filter = ["practice", "role"]


@admin.register(Coachee)
class CoacheeAdmin(admin.ModelAdmin):
    list_display = ["name", "phone", "practice", "language", "consent", "is_unknown"]
    list_filter = ["practice", "language", "consent", "is_unknown"]
    search_fields = ["name", "phone"]


@admin.register(Engagement)
class EngagementAdmin(admin.ModelAdmin):
    list_display = ["coachee", "coach", "status", "started_on", "ended_on"]
    list_filter = ["practice", "status"]


@admin.register(Note)
class NoteAdmin(admin.ModelAdmin):
    list_display = ["__str__", "engagement", "author", "created_at"]
