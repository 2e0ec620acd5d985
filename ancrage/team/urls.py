from django.urls import path

from ancrage.team import views

urlpatterns = [
    path("", views.team, name="team"),
    path("invite/", views.invite, name="team_invite"),
    path("invitations/<int:pk>/resend/", views.invitation_resend, name="team_invitation_resend"),
    path("invitations/<int:pk>/revoke/", views.invitation_revoke, name="team_invitation_revoke"),
    path("coaches/<int:pk>/role/", views.coach_role, name="team_coach_role"),
    path("coaches/<int:pk>/active/", views.coach_active, name="team_coach_active"),
    path("clients/", views.clients, name="team_clients"),
    path("clients/<int:pk>/", views.assign, name="team_assign"),
    path("join/<str:token>/", views.accept, name="team_accept"),
]
