"""The LTI tool's pages: login initiation, launch, JWKS, deep linking picker, roster sync and the setup page.

Views parse, authorise, call one domain function and answer; refusals are Spanish pages with a 4xx status.
"""
from django.contrib.auth import login
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from lti_tool.constants import SESSION_KEY
from lti_tool.models import LtiRegistration
from pylti1p3.exception import LtiException

from . import authorizers, deep_linking, keys, launches, rosters

BACKEND = "django.contrib.auth.backends.ModelBackend"


def refused(request, message, status=400):
    return render(request, "lti/refused.html", {"message": message}, status=status)


def launch_url(request):
    return request.build_absolute_uri(reverse("lti:launch"))


@csrf_exempt
@require_http_methods(["GET", "POST"])
def login_initiation(request, registration_uuid=None):
    try:
        return launches.login_redirect(request, registration_uuid, launch_url(request))
    except launches.LaunchRefused as refusal:
        return refused(request, refusal.message, refusal.status)


@csrf_exempt
@require_POST
def launch(request):
    try:
        lti_launch = launches.validated(request)
    except launches.LaunchRefused as refusal:
        return refused(request, refusal.message, refusal.status)
    arrival = launches.arrive(lti_launch)
    if not arrival.user.is_active:
        return refused(request, "Tu cuenta en el curso está desactivada. Habla con tu profesor.", 403)
    login(request, arrival.user, backend=BACKEND)
    request.session[SESSION_KEY] = lti_launch.get_launch_id()
    if arrival.deep_linking:
        return redirect("lti:deep-link")
    if arrival.classroom is None and not arrival.teaching:
        return render(request, "lti/no_class.html", {"target": arrival.target,
                                                     "url": launches.destination(arrival)})
    return redirect(launches.destination(arrival))


@require_GET
def jwks(request):
    return JsonResponse(keys.published_jwks())


@require_http_methods(["GET", "POST"])
def deep_link(request):
    lti_launch = launches.restored(request, request.session.get(SESSION_KEY))
    authorizers.deep_linking_or_404(request.user, lti_launch)
    if request.method == "GET":
        return render(request, "lti/deep_link.html", {"courses": deep_linking.catalogue()})
    choice = deep_linking.chosen(request.POST.get("item"))
    if choice is None:
        return render(request, "lti/deep_link.html", {"courses": deep_linking.catalogue(),
                                                       "error": "Elige una lección o un ejercicio de la lista."},
                      status=400)
    return_url, token = deep_linking.response_for(lti_launch, choice, launch_url(request))
    request.session.pop(SESSION_KEY, None)
    return render(request, "lti/deep_link_return.html", {"return_url": return_url, "token": token,
                                                          "choice": choice})


@require_http_methods(["GET", "POST"])
def roster(request, classroom_id):
    linked = authorizers.linked_class_or_404(request.user, classroom_id)
    context = {"linked": linked, "classroom": linked.classroom}
    if request.method == "POST":
        try:
            context["outcome"] = rosters.sync(linked)
        except LtiException:
            context["error"] = "El LMS no entregó la lista de participantes. Inténtalo de nuevo en unos minutos."
            return render(request, "lti/roster.html", context, status=502)
        linked.refresh_from_db()
    return render(request, "lti/roster.html", context)


@require_GET
def setup(request):
    authorizers.admin_or_404(request.user)
    key = keys.current_key()
    return render(request, "lti/setup.html", {
        "key": key, "jwk": key.as_jwk(), "registrations": LtiRegistration.objects.prefetch_related("deployments"),
        "launch_url": launch_url(request), "jwks_url": request.build_absolute_uri(reverse("lti:jwks")),
        "login_url": request.build_absolute_uri(reverse("lti:login")),
        "base_url": request.build_absolute_uri("/")})
