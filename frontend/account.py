"""The account's settings page for personal API tokens: create (the key is shown once), see last use, revoke."""
from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from courses import tokens


class TokenForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Nombre de la clave"), max_length=100,
                           widget=forms.TextInput(attrs={"placeholder": gettext_lazy("p. ej. script de notas")}))


@login_required
def token_list(request):
    form = TokenForm(request.POST or None)
    new_key = None
    if request.method == "POST" and form.is_valid():
        try:
            _token, new_key = tokens.create(request.user, form.cleaned_data["name"])
        except tokens.TooManyTokens as exc:
            form.add_error(None, str(exc))
    # The page with the raw key is never cached: it must not come back from a browser's history.
    response = render(request, "frontend/tokens.html", {
        "form": TokenForm() if new_key else form, "new_key": new_key,
        "tokens": tokens.active_for(request.user), "api_root": request.build_absolute_uri("/api/")})
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def token_revoke(request, token_id):
    if not tokens.revoke(request.user, token_id):
        raise Http404
    messages.success(request, _("Clave revocada: los programas que la usen dejarán de tener acceso."))
    return redirect("account-tokens")
