"""Inviting a coach: the e-mail, its signed link, and accepting it.

The link carries a token signed with SECRET_KEY (django.core.signing) holding the invitation's
id and its current nonce, timestamped: it expires after TEAM_INVITATION_DAYS, works once
(accepting is a conditional UPDATE on a still-pending row), and re-sending draws a new nonce,
so only the latest e-mail's link works. Nothing in the token is a secret by itself."""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ancrage.coaching.models import Coach
from ancrage.team.models import Invitation, _nonce

log = logging.getLogger("ancrage.team")
SALT = "ancrage.team.invitation"


class CannotInvite(ValueError):
    """A refusal the owner reads as it is (already a member, already invited)."""


class InvalidInvitation(Exception):
    """Why a link does not work: invalid, expired, used, revoked, superseded, account_exists."""

    def __init__(self, reason: str, invitation: Invitation | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.invitation = invitation


def login_of(email: str) -> str:
    return email.strip().lower()


def token_for(invitation: Invitation) -> str:
    return signing.dumps({"i": invitation.pk, "n": invitation.nonce}, salt=SALT)


def invite(owner: Coach, email: str, role: str) -> Invitation:
    """Record the invitation and e-mail its link. Raises CannotInvite, or the mail error
    (the invitation is kept: the owner re-sends it)."""
    email = login_of(email)
    members = Coach.objects.filter(practice_id=owner.practice_id)
    if members.filter(Q(user__email__iexact=email) | Q(user__username__iexact=email)).exists():
        raise CannotInvite(_("%(email)s is already a coach of your practice.") % {"email": email})
    try:
        with transaction.atomic():
            invitation = Invitation.objects.create(
                practice_id=owner.practice_id, email=email, role=role, invited_by=owner
            )
    except IntegrityError:
        raise CannotInvite(
            _("%(email)s already has a pending invitation: re-send it from the list.")
            % {"email": email}
        ) from None
    send_invitation(invitation)
    return invitation


def resend(invitation: Invitation) -> None:
    """A new link (the previous one stops working) and a new validity period."""
    invitation.nonce, invitation.sent_at = _nonce(), timezone.now()
    invitation.save(update_fields=["nonce", "sent_at"])
    send_invitation(invitation)


def revoke(invitation: Invitation) -> None:
    Invitation.objects.filter(pk=invitation.pk, accepted_at__isnull=True).update(
        revoked_at=timezone.now()
    )


def send_invitation(invitation: Invitation) -> None:
    """In the language of the page the owner invites from (the current one)."""
    url = settings.PUBLIC_BASE_URL + reverse("team_accept", args=[token_for(invitation)])
    context = {
        "invitation": invitation,
        "url": url,
        "inviter": invitation.invited_by.display_name if invitation.invited_by else "",
        "practice": invitation.practice.name,
        "expires_at": invitation.expires_at(),
    }
    subject = _("%(practice)s invites you to coach on Ancrage") % {"practice": context["practice"]}
    body = render_to_string("team/invitation_email.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [invitation.email])
    log.info("invitation %s sent for practice %s", invitation.pk, invitation.practice_id)


def check(token: str) -> Invitation:
    """The pending invitation behind this link, or InvalidInvitation saying why not."""
    max_age = dt.timedelta(days=settings.TEAM_INVITATION_DAYS)
    try:
        data, expired = signing.loads(token, salt=SALT, max_age=max_age), False
    except signing.SignatureExpired:
        data, expired = signing.loads(token, salt=SALT), True  # still signed by us
    except signing.BadSignature:
        raise InvalidInvitation("invalid") from None
    invitation = Invitation.objects.select_related("practice").filter(pk=data.get("i")).first()
    if invitation is None:
        raise InvalidInvitation("invalid")
    reason = _refusal(invitation, data.get("n"), expired)
    if reason:
        raise InvalidInvitation(reason, invitation)
    return invitation


def _refusal(invitation: Invitation, nonce: str | None, expired: bool) -> str:
    if invitation.accepted_at:
        return "used"
    if invitation.revoked_at:
        return "revoked"
    if nonce != invitation.nonce:
        return "superseded"
    if expired or invitation.is_expired():
        return "expired"
    if get_user_model().objects.filter(username__iexact=invitation.email).exists():
        return "account_exists"
    return ""


@transaction.atomic
def accept(token: str, first_name: str, last_name: str, password: str) -> Coach:
    """The invitee's account, in the practice, with the invited role. Works once."""
    invitation = check(token)
    claimed = Invitation.objects.filter(
        pk=invitation.pk, nonce=invitation.nonce, accepted_at__isnull=True, revoked_at__isnull=True
    ).update(accepted_at=timezone.now())
    if not claimed:  # accepted (or revoked) in between, from another tab
        raise InvalidInvitation("used", invitation)
    try:
        user = get_user_model().objects.create_user(
            username=login_of(invitation.email), email=invitation.email, password=password,
            first_name=first_name, last_name=last_name,
        )  # fmt: skip
    except IntegrityError:  # the same login created in between: the whole accept rolls back
        raise InvalidInvitation("account_exists", invitation) from None
    coach = Coach.objects.create(user=user, practice=invitation.practice, role=invitation.role)
    Invitation.objects.filter(pk=invitation.pk).update(coach=coach)
    log.info("invitation %s accepted: coach %s", invitation.pk, coach.pk)
    return coach
