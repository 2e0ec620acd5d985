from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.templatetags.static import static
from django.urls import include, path
from django.utils.translation import gettext_lazy
from django.views.generic import RedirectView

from ancrage.api import views as api_views
from ancrage.api.api import urls as api_urls
from ancrage.audit import views as audit
from ancrage.checkins import views as checkins
from ancrage.coaching import views as coaching
from ancrage.conversations import views as conversations
from ancrage.inbox import views as inbox
from ancrage.messaging import settings_views as sms_settings
from ancrage.messaging import views as messaging
from ancrage.privacy import views as privacy

# The admin's own words come from Django's catalogue; its titles are ours, translated too.
admin.site.site_header = gettext_lazy("Ancrage administration")
admin.site.site_title = gettext_lazy("Ancrage administration")
admin.site.index_title = gettext_lazy("Practices, clients and messages")


def healthz(request: HttpRequest) -> JsonResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok", "database": connection.vendor})


urlpatterns = [
    path("", inbox.inbox, name="inbox"),
    path("clients/", coaching.coachee_list, name="coachee_list"),
    path("inbox/sunshine/", inbox.sunshine_save, name="sunshine_save"),
    path("coachees/<int:pk>/suggestions/", inbox.suggestions, name="reply_suggestions"),
    path("coachees/<int:pk>/draft-check/", inbox.draft_check, name="draft_check"),
    path("coachees/<int:pk>/journal/", inbox.journal_add, name="journal_add"),
    path("journal/<int:pk>/", inbox.journal_edit, name="journal_edit"),
    path("journal/<int:pk>/delete/", inbox.journal_delete, name="journal_delete"),
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    # Forgotten password, and how an invited coach sets a first one (README, Security model).
    path("password-reset/", auth_views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "password-reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password-reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("team/", include("ancrage.team.urls")),  # Team / Équipe (docs/team.md)
    path("", include("ancrage.autonomy.urls")),  # autonomy and closing (docs/autonomy.md)
    path("i18n/", include("django.conf.urls.i18n")),
    path("healthz", healthz, name="healthz"),
    path("api/", api_urls()),  # JSON API, OpenAPI at /api/openapi.json, docs at /api/docs
    path("settings/api/", api_views.token_list, name="api_tokens"),
    path("settings/api/<int:pk>/revoke/", api_views.token_revoke, name="api_token_revoke"),
    # Browsers ask for /favicon.ico on pages without an icon link (the admin's): no 404 logged.
    path("favicon.ico", RedirectView.as_view(url=static("ancrage/favicon.svg"), permanent=True)),
    path("admin/", admin.site.urls),
    path("coachees/new/", coaching.coachee_create, name="coachee_create"),
    path("coachees/timezone/", coaching.timezone_for_phone, name="timezone_for_phone"),
    path("coachees/<int:pk>/", coaching.coachee_detail, name="coachee_detail"),
    path("coachees/<int:pk>/edit/", coaching.coachee_edit, name="coachee_edit"),
    path("coachees/<int:pk>/engagements/", coaching.engagement_start, name="engagement_start"),
    path("coachees/<int:pk>/thread/", messaging.thread, name="thread"),
    path("coachees/<int:pk>/send/", messaging.send, name="send"),
    path("coachees/<int:pk>/simulator/", messaging.simulator_phone, name="simulator"),
    path("engagements/<int:pk>/status/", coaching.engagement_move, name="engagement_move"),
    path("engagements/<int:pk>/", coaching.engagement_update, name="engagement_update"),
    path("engagements/<int:pk>/notes/", coaching.note_add, name="note_add"),
    path("sms/cost/", messaging.cost, name="sms_cost"),
    path("sms/settings/", sms_settings.sms_settings, name="sms_settings"),
    path("sms/settings/quiet-hours/", sms_settings.save_quiet_hours, name="sms_quiet_hours"),
    path("sms/settings/<slug:provider>/", sms_settings.save_account, name="sms_account_save"),
    path("sms/settings/<slug:provider>/test/", sms_settings.test_account, name="sms_account_test"),
    path("messages/<int:pk>/check/", messaging.resolve_message, name="message_resolve"),
    path("programs/", checkins.program_list, name="program_list"),
    path("programs/new/", checkins.program_create, name="program_create"),
    path("programs/<int:pk>/", checkins.program_edit, name="program_edit"),
    path("programs/<int:pk>/questions/", checkins.question_save, name="question_add"),
    path(
        "programs/<int:pk>/questions/<int:question_id>/",
        checkins.question_save,
        name="question_save",
    ),
    path(
        "programs/<int:pk>/questions/<int:question_id>/delete/",
        checkins.question_delete,
        name="question_delete",
    ),
    path(
        "programs/<int:pk>/questions/<int:question_id>/move/",
        checkins.question_move,
        name="question_move",
    ),
    path("checkins/", checkins.checkin_list, name="checkin_list"),
    path("metrics/", checkins.metrics_overview, name="metrics_overview"),
    path("coachees/<int:pk>/enrol/", checkins.enrol, name="enrol"),
    path("coachees/<int:pk>/values/", checkins.value_add, name="value_add"),
    path("values/<int:pk>/", checkins.value_correct, name="value_correct"),
    path("enrolments/<int:pk>/stop/", checkins.enrolment_stop, name="enrolment_stop"),
    path("analysis/", conversations.upload, name="analysis_upload"),
    path("analysis/jobs/<int:pk>/", conversations.job_detail, name="analysis_job"),
    path("coachees/<int:pk>/analysis/", conversations.thread_analysis, name="thread_analysis"),
    path("webhooks/<slug:provider>/<str:token>/<slug:kind>", messaging.webhook, name="webhook"),
    path("coachees/<int:pk>/export/", privacy.export, name="privacy_export"),
    path("coachees/<int:pk>/erase/", privacy.erase, name="privacy_erase"),
    path("personal-data/", privacy.personal_data, name="privacy_personal_data"),
    path("audit/", audit.audit_log, name="audit_log"),
]

if settings.BENCH_VIEWS:  # benchmarks/webhook_load.py compares the webhook with this
    urlpatterns.append(path("bench/bare", messaging.bench_bare, name="bench_bare"))
