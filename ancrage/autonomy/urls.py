from django.urls import path

from ancrage.autonomy import views

urlpatterns = [
    path("engagements/<int:pk>/closing/", views.closing, name="autonomy_closing"),
    path("enrolments/<int:pk>/taper/", views.taper, name="autonomy_taper"),
]
