from django.core.cache import cache

from . import platforms

ORIGINS_CACHE_KEY = "lti:frame-origins"
ORIGINS_CACHE_SECONDS = 60


class FrameAncestorsMiddleware:
    """Lets the registered LMSs show the pages in their iframe, and nobody else.

    `Content-Security-Policy: frame-ancestors` names this site and the registered platforms' origins, and the
    `X-Frame-Options` header (which cannot name anyone else) is dropped. The origins are read once a minute.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        origins = cache.get(ORIGINS_CACHE_KEY)
        if origins is None:
            origins = platforms.frame_origins()
            cache.set(ORIGINS_CACHE_KEY, origins, ORIGINS_CACHE_SECONDS)
        ancestors = " ".join(["frame-ancestors 'self'", *origins])
        policy = response.get("Content-Security-Policy")
        if policy is None:
            response["Content-Security-Policy"] = ancestors
        elif "frame-ancestors" not in policy:
            response["Content-Security-Policy"] = f"{policy}; {ancestors}"
        if "X-Frame-Options" in response:
            del response["X-Frame-Options"]
        return response
