"""The API page: a coach creates tokens (each shown once) and revokes them."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ancrage.api import tokens
from ancrage.api.forms import TokenForm
from ancrage.coaching.access import CoachRequest, coach_required


def _page(request: CoachRequest, form: TokenForm, new_token: str = "", status: int = 200):
    context = {
        "form": form,
        "tokens": tokens.tokens_of(request.coach),
        "new_token": new_token,
        "api_base": request.build_absolute_uri("/api/"),
    }
    return render(request, "api/tokens.html", context, status=status)


@coach_required
def token_list(request: CoachRequest) -> HttpResponse:
    if request.method != "POST":
        return _page(request, TokenForm())
    form = TokenForm(request.POST)
    if not form.is_valid():
        return _page(request, form, status=422)
    _row, token = tokens.issue(request.coach, form.cleaned_data["name"])
    # Rendered, not redirected: the token is shown this once and kept nowhere.
    return _page(request, TokenForm(), new_token=token, status=201)


@coach_required
@require_POST
def token_revoke(request: CoachRequest, pk: int) -> HttpResponse:
    row = tokens.tokens_of(request.coach).filter(pk=pk).first()
    if row is None:
        raise Http404("no such token")
    row.revoke()
    messages.success(
        request, _("Token « %(name)s » revoked: it no longer works.") % {"name": row.name}
    )
    return redirect("api_tokens")
