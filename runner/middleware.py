"""The probes, answered before anything else in the stack: a load balancer or an orchestrator asks by IP address
and over plain HTTP, so host validation and the HTTPS redirect must not stand in its way, and `/healthz` must
not touch the database."""
from django.http import JsonResponse

from . import health

HEALTHZ = "/healthz"
READYZ = "/readyz"


class ProbeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == HEALTHZ:
            return JsonResponse({"ok": True})
        if request.path == READYZ:
            ready, checks = health.readiness()
            return JsonResponse({"ready": ready, "checks": checks}, status=200 if ready else 503)
        return self.get_response(request)
