"""A small but real LTI 1.3 platform (an LMS as far as the tool can tell), for the tests.

It runs on 127.0.0.1 in a thread with its own RSA key, and speaks the platform's half of every exchange:
- `/jwks`: its public key set, which the tool fetches to verify id_tokens;
- `/auth`: the OIDC authorization endpoint. The tool's login initiation redirects the browser here; it answers with
  the auto-posting form that carries a signed id_token (state and nonce echoed) to the tool's launch URL;
- `/deep-link-return`: receives the tool's LtiDeepLinkingResponse and verifies it against the tool's JWKS;
- `/token`: OAuth2 client credentials with a JWT assertion signed by the tool (verified against the tool's JWKS);
- `/lineitems`, `/lineitems/<n>`, `/lineitems/<n>/scores`: Assignment and Grade Services, recording scores;
- `/memberships`: Names and Role Provisioning Services.

The browser side is a `requests.Session` (see `Platform.launch`). Each launch can be spoiled on purpose (expired,
wrong audience, unknown deployment, signed with another key) to test the tool's refusals.
"""
import json
import re
import secrets
import threading
import time
import uuid
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import jwt
import requests
from jwcrypto.jwk import JWK, JWKSet

LTI = "https://purl.imsglobal.org/spec/lti/claim/"
AGS = "https://purl.imsglobal.org/spec/lti-ags/"
NRPS = "https://purl.imsglobal.org/spec/lti-nrps/"
DL = "https://purl.imsglobal.org/spec/lti-dl/claim/"
ROLE = "http://purl.imsglobal.org/vocab/lis/v2/membership#"
LEARNER, INSTRUCTOR = f"{ROLE}Learner", f"{ROLE}Instructor"
SCORE_SCOPE = f"{AGS}scope/score"
SCOPES = [f"{AGS}scope/lineitem", f"{AGS}scope/result.readonly", SCORE_SCOPE]
NRPS_SCOPE = f"{NRPS}scope/contextmembership.readonly"


class Forms(HTMLParser):
    """The forms of a page: [{"action", "method", "fields": {name: value}}]; enough for auto-posting forms."""

    def __init__(self, html):
        super().__init__()
        self.forms = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append({"action": attrs.get("action", ""), "method": attrs.get("method", "get").lower(),
                               "fields": {}})
        elif tag == "input" and self.forms and attrs.get("name"):
            if attrs.get("type") in ("radio", "checkbox"):
                self.forms[-1].setdefault("choices", []).append(attrs.get("value"))
            else:
                self.forms[-1]["fields"][attrs["name"]] = attrs.get("value", "")


def forms_in(html):
    return Forms(html).forms


@dataclass
class Person:
    sub: str
    roles: list
    given_name: str = "Ana"
    family_name: str = "García"
    email: str = ""
    status: str = "Active"

    def member(self):
        return {"user_id": self.sub, "roles": self.roles, "status": self.status, "given_name": self.given_name,
                "family_name": self.family_name, "name": f"{self.given_name} {self.family_name}",
                "email": self.email}


@dataclass
class LaunchResult:
    response: requests.Response | None  # the tool's answer to the launch (not followed)
    form: dict = field(default_factory=dict)  # what the browser posted to the launch URL, for replays
    claims: dict = field(default_factory=dict)  # the id_token's claims as signed


class Platform:
    client_id = "cliente-de-prueba"
    deployment_id = "despliegue-1"
    context_id = "curso-lms-42"

    def __init__(self):
        self.key = JWK.generate(kty="RSA", size=2048, kid=f"plataforma-{secrets.token_hex(4)}")
        # Same kid, different key: a token it signs names our key but fails its signature.
        self.impostor_key = JWK.generate(kty="RSA", size=2048, kid=self.key.kid)
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.platform = self
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.issuer = self.url
        self.tool_jwks_url = None
        self.pending = {}
        self.line_items = {}
        self.scores = {}
        self.score_failures_to_fake = 0
        self.failed_score_posts = 0
        self.deep_link_responses = []
        self.tokens = {}
        self.members = []
        self.lock = threading.Lock()
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.server.shutdown()
        self.server.server_close()

    # --- the registration an admin would enter in the tool ---
    def registration_fields(self):
        return {"name": "Moodle de prueba", "issuer": self.issuer, "client_id": self.client_id,
                "auth_url": f"{self.url}/auth", "token_url": f"{self.url}/token", "keyset_url": f"{self.url}/jwks"}

    # --- the browser's part of a launch ---
    def launch(self, session, tool_url, person, message_type="LtiResourceLinkRequest", custom=None,
               resource_link_id="enlace-1", spoil=None, ags=True, nrps=True, lineitem=None, submit=True):
        """Login initiation → OIDC auth → auto-posted id_token → the tool's answer (not followed); with
        `submit=False` the browser stops before posting the id_token (the result has the form only)."""
        hint = uuid.uuid4().hex
        self.pending[hint] = {"person": person, "message_type": message_type, "custom": custom or {},
                              "resource_link_id": resource_link_id, "spoil": spoil or {}, "ags": ags,
                              "nrps": nrps, "lineitem": lineitem, "tool_url": tool_url}
        login = session.get(f"{tool_url}/lti/login/", params={
            "iss": self.issuer, "login_hint": person.sub, "target_link_uri": f"{tool_url}/lti/launch/",
            "lti_message_hint": hint, "client_id": self.client_id, "lti_deployment_id": self.deployment_id})
        assert login.status_code == 200 and login.url.startswith(f"{self.url}/auth"), (login.status_code, login.url)
        form = forms_in(login.text)[0]
        if not submit:
            return LaunchResult(None, form["fields"], self.pending[hint].get("claims", {}))
        response = session.post(form["action"], data=form["fields"], allow_redirects=False)
        return LaunchResult(response, form["fields"], self.pending[hint].get("claims", {}))

    def id_token(self, query):
        """The signed id_token for an OIDC auth request, as the platform would issue it."""
        pending = self.pending[query["lti_message_hint"]]
        person, tool_url, now = pending["person"], pending["tool_url"], int(time.time())
        spoil = pending["spoil"]
        claims = {
            "iss": self.issuer, "aud": spoil.get("aud", self.client_id), "azp": self.client_id, "sub": person.sub,
            "iat": now, "exp": now + spoil.get("exp_in", 300), "nonce": query["nonce"],
            "given_name": person.given_name, "family_name": person.family_name,
            "name": f"{person.given_name} {person.family_name}", "email": person.email,
            f"{LTI}message_type": pending["message_type"], f"{LTI}version": "1.3.0",
            f"{LTI}deployment_id": spoil.get("deployment_id", self.deployment_id),
            f"{LTI}target_link_uri": f"{tool_url}/lti/launch/", f"{LTI}roles": person.roles,
            f"{LTI}context": {"id": self.context_id, "label": "IA-101", "title": "Aprendizaje profundo 2025",
                              "type": ["http://purl.imsglobal.org/vocab/lis/v2/course#CourseOffering"]},
            f"{LTI}tool_platform": {"guid": "plataforma-de-prueba", "name": "Moodle de prueba"},
            f"{LTI}custom": pending["custom"],
        }
        if pending["message_type"] == "LtiDeepLinkingRequest":
            claims[f"{DL}deep_linking_settings"] = {
                "deep_link_return_url": f"{self.url}/deep-link-return", "accept_types": ["ltiResourceLink"],
                "accept_presentation_document_targets": ["iframe", "window"], "accept_multiple": False,
                "data": "dato-opaco"}
        else:
            claims[f"{LTI}resource_link"] = {"id": pending["resource_link_id"], "title": "Actividad"}
        if pending["ags"]:
            claims[f"{AGS}claim/endpoint"] = {"scope": SCOPES, "lineitems": f"{self.url}/lineitems",
                                              **({"lineitem": pending["lineitem"]} if pending["lineitem"] else {})}
        if pending["nrps"]:
            claims[f"{NRPS}claim/namesroleservice"] = {"context_memberships_url": f"{self.url}/memberships",
                                                       "service_versions": ["2.0"]}
        pending["claims"] = claims
        key = self.impostor_key if spoil.get("impostor") else self.key
        return jwt.encode(claims, key.export_to_pem(private_key=True, password=None), algorithm="RS256",
                          headers={"kid": key.kid})

    # --- verifying what the tool signs ---
    def verify_tool_jwt(self, token, audience):
        keys = JWKSet.from_json(requests.get(self.tool_jwks_url, timeout=10).text)
        kid = jwt.get_unverified_header(token)["kid"]
        key = keys.get_key(kid)
        assert key is not None, f"the tool's JWKS lacks the kid {kid}"
        return jwt.decode(token, key.export_to_pem(), algorithms=["RS256"], audience=audience)

    def line_item_of(self, exercise_uuid):
        return next((item for item in self.line_items.values() if item.get("resourceId") == str(exercise_uuid)),
                    None)


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    @property
    def platform(self):
        return self.server.platform

    def reply(self, status, body, content_type="application/json"):
        data = body if isinstance(body, bytes) else (body if isinstance(body, str) else json.dumps(body)).encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def body(self):
        return self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()

    def authorised(self, scope):
        token = self.headers.get("Authorization", "").removeprefix("Bearer ")
        return scope in self.platform.tokens.get(token, [])

    def do_GET(self):
        parts = urlsplit(self.path)
        query = {name: values[0] for name, values in parse_qs(parts.query).items()}
        platform = self.platform
        if parts.path == "/jwks":
            return self.reply(200, {"keys": [json.loads(platform.key.export_public())]})
        if parts.path == "/auth":
            return self.auth(query)
        if parts.path == "/lineitems":
            if not self.authorised(f"{AGS}scope/lineitem"):
                return self.reply(401, {"error": "unauthorized"})
            items = [item for item in platform.line_items.values()
                     if "resource_id" not in query or item.get("resourceId") == query["resource_id"]]
            return self.reply(200, items, "application/vnd.ims.lis.v2.lineitemcontainer+json")
        if match := re.fullmatch(r"/lineitems/(\d+)", parts.path):
            item = platform.line_items.get(f"{platform.url}/lineitems/{match[1]}")
            return self.reply(200 if item else 404, item or {})
        if parts.path == "/memberships":
            if not self.authorised(NRPS_SCOPE):
                return self.reply(401, {"error": "unauthorized"})
            return self.reply(200, {"id": f"{platform.url}/memberships",
                                    "context": {"id": platform.context_id},
                                    "members": [person.member() for person in platform.members]},
                              "application/vnd.ims.lti-nrps.v2.membershipcontainer+json")
        return self.reply(404, {})

    def auth(self, query):
        platform = self.platform
        if query.get("client_id") != platform.client_id or query.get("lti_message_hint") not in platform.pending:
            return self.reply(400, {"error": "invalid_request"})
        if query.get("response_type") != "id_token" or not query.get("nonce") or not query.get("state"):
            return self.reply(400, {"error": "invalid_request"})
        if query.get("redirect_uri") != platform.pending[query["lti_message_hint"]]["tool_url"] + "/lti/launch/":
            return self.reply(400, {"error": "invalid_redirect_uri"})
        token = platform.id_token(query)
        html = (f'<form method="post" action="{query["redirect_uri"]}">'
                f'<input type="hidden" name="id_token" value="{token}">'
                f'<input type="hidden" name="state" value="{query["state"]}"></form>'
                "<script>document.forms[0].submit()</script>")
        return self.reply(200, html, "text/html")

    def do_POST(self):
        parts = urlsplit(self.path)
        platform = self.platform
        if parts.path == "/deep-link-return":
            token = parse_qs(self.body())["JWT"][0]
            claims = platform.verify_tool_jwt(token, audience=platform.issuer)
            assert claims["iss"] == platform.client_id
            assert claims[f"{LTI}message_type"] == "LtiDeepLinkingResponse"
            assert claims[f"{LTI}deployment_id"] == platform.deployment_id
            platform.deep_link_responses.append(claims)
            return self.reply(200, "<p>Recibido</p>", "text/html")
        if parts.path == "/token":
            form = {name: values[0] for name, values in parse_qs(self.body()).items()}
            if form.get("grant_type") != "client_credentials":
                return self.reply(400, {"error": "unsupported_grant_type"})
            try:
                claims = platform.verify_tool_jwt(form["client_assertion"], audience=f"{platform.url}/token")
            except Exception as exc:  # any bad assertion is the client's fault
                return self.reply(401, {"error": "invalid_client", "detail": str(exc)})
            if claims["iss"] != platform.client_id or claims["sub"] != platform.client_id:
                return self.reply(401, {"error": "invalid_client"})
            token = secrets.token_urlsafe(16)
            platform.tokens[token] = form.get("scope", "").split()
            return self.reply(200, {"access_token": token, "token_type": "Bearer", "expires_in": 3600,
                                    "scope": form.get("scope", "")})
        if parts.path == "/lineitems":
            if not self.authorised(f"{AGS}scope/lineitem"):
                return self.reply(401, {"error": "unauthorized"})
            with platform.lock:
                item = json.loads(self.body())
                item["id"] = f"{platform.url}/lineitems/{len(platform.line_items) + 1}"
                platform.line_items[item["id"]] = item
            return self.reply(201, item, "application/vnd.ims.lis.v2.lineitem+json")
        if match := re.fullmatch(r"/lineitems/(\d+)/scores", parts.path):
            if not self.authorised(SCORE_SCOPE):
                return self.reply(401, {"error": "unauthorized"})
            item_id = f"{platform.url}/lineitems/{match[1]}"
            if item_id not in platform.line_items:
                return self.reply(404, {})
            with platform.lock:
                if platform.score_failures_to_fake > 0:
                    platform.score_failures_to_fake -= 1
                    platform.failed_score_posts += 1
                    return self.reply(503, {"error": "temporarily unavailable"})
                platform.scores.setdefault(item_id, []).append(json.loads(self.body()))
            return self.reply(200, {})
        return self.reply(404, {})



def page_form(html):
    """The form of the page itself (posting back to the page), not the menu's logout or language forms."""
    return next(form for form in forms_in(html) if form["action"] == "")
