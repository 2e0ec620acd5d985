from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.urls import include, path

from ancrage.coaching import views as coaching
from ancrage.conversations import views as conversations
from ancrage.messaging import views as messaging


def healthz(request: HttpRequest) -> JsonResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok", "database": connection.vendor})


urlpatterns = [
    path("", coaching.coachee_list, name="coachee_list"),
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("coachees/new/", coaching.coachee_create, name="coachee_create"),
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
    path("analysis/", conversations.upload, name="analysis_upload"),
    path("coachees/<int:pk>/analysis/", conversations.thread_analysis, name="thread_analysis"),
    path("webhooks/<slug:provider>/<str:token>/<slug:kind>", messaging.webhook, name="webhook"),
]
