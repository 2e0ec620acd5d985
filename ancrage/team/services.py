"""The owner's decisions about the team: roles, deactivation, who is in charge of a client and
with whom a client is shared. Each raises TeamError with a sentence the owner can act on."""

from __future__ import annotations

from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from ancrage.coaching.models import Coach, Coachee, Engagement


class TeamError(ValueError):
    pass


def active_owners(practice_id: int) -> QuerySet[Coach]:
    return Coach.objects.filter(
        practice_id=practice_id, role=Coach.Role.OWNER, user__is_active=True
    )


def _lock_team(practice_id: int) -> None:
    """Two owners demoting each other at once: the second waits, then sees the first's change
    (PostgreSQL row locks; SQLite serialises writers anyway)."""
    list(Coach.objects.select_for_update().filter(practice_id=practice_id).values_list("pk"))


def _refuse_if_last_owner(coach: Coach) -> None:
    if coach.is_owner and not active_owners(coach.practice_id).exclude(pk=coach.pk).exists():
        raise TeamError(
            _("%(name)s is the last owner of the practice: make another coach owner first.")
            % {"name": coach.display_name}
        )


@transaction.atomic
def set_role(coach: Coach, role: str) -> None:
    if role not in Coach.Role.values:
        raise TeamError(_("Unknown role: choose owner or coach."))
    _lock_team(coach.practice_id)
    coach.refresh_from_db(fields=["role"])
    if role != Coach.Role.OWNER:
        _refuse_if_last_owner(coach)
    coach.role = role
    coach.save(update_fields=["role"])


@transaction.atomic
def set_active(owner: Coach, coach: Coach, active: bool) -> None:
    """A deactivated coach can no longer sign in (their open sessions end at their next
    click); their clients, messages and notes stay, in their charge until reassigned."""
    if not active:
        if coach.pk == owner.pk:
            raise TeamError(_("You cannot deactivate yourself: another owner can."))
        _lock_team(coach.practice_id)
        coach.refresh_from_db(fields=["role"])
        _refuse_if_last_owner(coach)
    coach.user.is_active = active
    coach.user.save(update_fields=["is_active"])


@transaction.atomic
def assign(coachee: Coachee, coach: Coach | None) -> None:
    """Put a client in a coach's charge (None: nobody, so every coach sees them). Their
    current engagement follows: it is that coach's relationship from now on."""
    if coach is not None and coach.practice_id != coachee.practice_id:
        raise TeamError(_("This coach is not a member of your practice."))
    if coach is not None and not coach.user.is_active and coach.pk != coachee.coach_id:
        raise TeamError(_("%(name)s is deactivated.") % {"name": coach.display_name})
    coachee.coach = coach
    coachee.save(update_fields=["coach"])
    current = coachee.current_engagement()
    if coach is not None and current and current.status != Engagement.Status.ALUMNI:
        Engagement.objects.filter(pk=current.pk).update(coach=coach)
    if coach is not None:
        coachee.shared_with.remove(coach)  # in charge already sees them


def share(coachee: Coachee, coaches: list[Coach]) -> None:
    """Exactly these coaches see the client besides the coach in charge and the owners."""
    if any(c.practice_id != coachee.practice_id for c in coaches):
        raise TeamError(_("This coach is not a member of your practice."))
    coachee.shared_with.set([c for c in coaches if c.pk != coachee.coach_id])
