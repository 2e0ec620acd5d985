"""The Team pages (the owner's: coaches, invitations, who is in charge of which client) and
the page an invited coach opens from the e-mail. Views parse, call one function, render."""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ancrage.coaching.access import CoachRequest, coach_required
from ancrage.coaching.models import Coach, Coachee
from ancrage.team import invitations, services
from ancrage.team.forms import AcceptForm, AssignForm, InviteForm
from ancrage.team.models import Invitation

log = logging.getLogger("ancrage.team")


def owner_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @coach_required
    @wraps(view)
    def wrapper(request: CoachRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.coach.is_owner:
            return render(request, "team/owner_only.html", status=403)
        return view(request, *args, **kwargs)

    return wrapper


def _members(request: CoachRequest) -> QuerySet[Coach]:
    return Coach.objects.filter(practice=request.coach.practice).select_related("user")


@owner_required
def team(request: CoachRequest, form: InviteForm | None = None) -> HttpResponse:
    coaches = _members(request).annotate(clients=Count("coachees_in_charge", distinct=True))
    pending = Invitation.objects.filter(
        practice=request.coach.practice, accepted_at__isnull=True, revoked_at__isnull=True
    )
    context = {
        "coaches": coaches.order_by("-user__is_active", "user__first_name", "user__username"),
        "invitations": pending,
        "form": form or InviteForm(),
        "roles": Coach.Role.choices,
        "unassigned": Coachee.objects.filter(practice=request.coach.practice, coach=None).count(),
        "days": settings.TEAM_INVITATION_DAYS,
    }
    return render(request, "team/team.html", context, status=422 if form else 200)


@owner_required
@require_POST
def invite(request: CoachRequest) -> HttpResponse:
    form = InviteForm(request.POST)
    if not form.is_valid():
        return team(request, form)
    try:
        invitations.invite(request.coach, form.cleaned_data["email"], form.cleaned_data["role"])
    except invitations.CannotInvite as error:
        form.add_error("email", str(error))
        return team(request, form)
    except Exception:  # SMTP, a provider's API (anymail), the network: any of them
        _mail_failed(request)
        return redirect("team")
    messages.success(request, _("Invitation sent to %(email)s.") % form.cleaned_data)
    return redirect("team")


def _mail_failed(request: HttpRequest) -> None:
    log.exception("invitation e-mail not sent")
    messages.error(
        request,
        _("The invitation is saved but its e-mail could not be sent: check the e-mail "
          "settings (ANCRAGE_EMAIL_BACKEND), then re-send it from the list."),
    )  # fmt: skip


def _pending_or_404(request: CoachRequest, pk: int) -> Invitation:
    pending = Q(accepted_at__isnull=True, revoked_at__isnull=True)
    return get_object_or_404(
        Invitation.objects.filter(pending, practice=request.coach.practice), pk=pk
    )


@owner_required
@require_POST
def invitation_resend(request: CoachRequest, pk: int) -> HttpResponse:
    invitation = _pending_or_404(request, pk)
    try:
        invitations.resend(invitation)
    except Exception:
        _mail_failed(request)
        return redirect("team")
    messages.success(
        request, _("A new link was sent to %(email)s; the previous one no longer works.")
        % {"email": invitation.email},
    )  # fmt: skip
    return redirect("team")


@owner_required
@require_POST
def invitation_revoke(request: CoachRequest, pk: int) -> HttpResponse:
    invitation = _pending_or_404(request, pk)
    invitations.revoke(invitation)
    messages.success(
        request, _("The invitation of %(email)s is withdrawn.") % {"email": invitation.email}
    )
    return redirect("team")


@owner_required
@require_POST
def coach_role(request: CoachRequest, pk: int) -> HttpResponse:
    coach = get_object_or_404(_members(request), pk=pk)
    try:
        services.set_role(coach, request.POST.get("role", ""))
    except services.TeamError as error:
        messages.error(request, str(error))
        return redirect("team")
    messages.success(
        request, _("%(name)s is now %(role)s.")
        % {"name": coach.display_name, "role": coach.get_role_display().lower()},
    )  # fmt: skip
    # An owner who made themselves a coach no longer manages the team.
    return redirect("team" if coach.pk != request.coach.pk else "inbox")


@owner_required
@require_POST
def coach_active(request: CoachRequest, pk: int) -> HttpResponse:
    coach = get_object_or_404(_members(request), pk=pk)
    active = request.POST.get("active") == "1"
    try:
        services.set_active(request.coach, coach, active)
    except services.TeamError as error:
        messages.error(request, str(error))
        return redirect("team")
    done = (
        _("%(name)s can sign in again.")
        if active
        else _("%(name)s can no longer sign in; their clients and messages stay.")
    )
    messages.success(request, done % {"name": coach.display_name})
    return redirect("team")


@owner_required
def clients(request: CoachRequest) -> HttpResponse:
    practice = request.coach.practice
    coachees = Coachee.objects.filter(practice=practice).select_related("coach__user")
    rows = [
        (c, AssignForm(instance=c, practice=practice, prefix=f"c{c.pk}"))
        for c in coachees.prefetch_related("shared_with")
    ]
    return render(request, "team/clients.html", {"rows": rows})


@owner_required
@require_POST
def assign(request: CoachRequest, pk: int) -> HttpResponse:
    practice = request.coach.practice
    coachee = get_object_or_404(Coachee.objects.filter(practice=practice), pk=pk)
    form = AssignForm(request.POST, instance=coachee, practice=practice, prefix=f"c{pk}")
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(str(e) for e in errors))
        return redirect("team_clients")
    try:
        services.assign(coachee, form.cleaned_data["coach"])
        services.share(coachee, list(form.cleaned_data["shared_with"]))
    except services.TeamError as error:
        messages.error(request, str(error))
        return redirect("team_clients")
    messages.success(request, _("Saved for %(name)s.") % {"name": coachee.name})
    return redirect("team_clients")


def accept(request: HttpRequest, token: str) -> HttpResponse:
    """Public: the link from the e-mail. The invitee names themselves, picks a password and
    lands in the practice, signed in."""
    try:
        invitation = invitations.check(token)
    except invitations.InvalidInvitation as refused:
        return _refused(request, refused)
    form = AcceptForm(request.POST or None, email=invitation.email)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            coach = invitations.accept(
                token, data["first_name"], data["last_name"], data["password1"]
            )
        except invitations.InvalidInvitation as refused:
            return _refused(request, refused)
        login(request, coach.user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(
            request, _("Welcome to %(practice)s. Your login is %(login)s.")
            % {"practice": coach.practice.name, "login": coach.user.username},
        )  # fmt: skip
        return redirect("inbox")
    context = {"invitation": invitation, "form": form}
    return render(request, "team/accept.html", context, status=422 if form.errors else 200)


def _refused(request: HttpRequest, refused: invitations.InvalidInvitation) -> HttpResponse:
    context = {"reason": refused.reason, "invitation": refused.invitation}
    return render(
        request, "team/accept_refused.html", context, status=410 if refused.invitation else 404
    )
