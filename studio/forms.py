import yaml
from django import forms
from django.utils.translation import gettext_lazy as _

from courses.models import Device

from . import files


def lines(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class DocumentForm(forms.Form):
    """A lesson's or page's front matter as fields, and its Markdown body."""

    title = forms.CharField(label=_("Título"), max_length=200)
    order = forms.IntegerField(label=_("Orden"), min_value=1)
    objectives = forms.CharField(label=_("Objetivos (uno por línea)"), required=False,
                                 widget=forms.Textarea(attrs={"rows": 4}))
    body = forms.CharField(label=_("Texto (Markdown)"), required=False, strip=False,
                           widget=forms.Textarea(attrs={"rows": 24, "data-language": "markdown"}))
    base_hash = forms.CharField(widget=forms.HiddenInput)
    message = forms.CharField(label=_("Mensaje del cambio"), required=False, max_length=200)

    @classmethod
    def for_document(cls, document, base_hash):
        return cls(initial={"title": document.front.get("title", ""), "order": document.front.get("order", 1),
                            "objectives": "\n".join(document.objectives), "body": document.body,
                            "base_hash": base_hash})

    def compose(self, current_text):
        data = self.cleaned_data
        edited = files.edited_document(files.parse_document(current_text), data["title"], data["order"],
                                       lines(data["objectives"]), data["body"])
        return files.compose_document(edited)


class ResolveForm(forms.Form):
    """The whole file as the author wants it after a conflict: theirs, mine, or merged by hand."""

    text = forms.CharField(label=_("Versión que se guardará"), strip=False, widget=forms.Textarea(attrs={"rows": 24}))
    base_hash = forms.CharField(widget=forms.HiddenInput)


class ExerciseForm(forms.Form):
    title = forms.CharField(label=_("Título"), max_length=200)
    order = forms.IntegerField(label=_("Orden"), min_value=1)
    points = forms.IntegerField(label=_("Puntos"), min_value=0)
    device = forms.ChoiceField(label=_("Dispositivo"), choices=Device.choices)
    time_limit = forms.IntegerField(label=_("Límite de tiempo (s)"), min_value=1, max_value=300)
    memory_limit = forms.IntegerField(label=_("Memoria (MiB)"), min_value=64, max_value=16384)
    hints = forms.CharField(label=_("Pistas (una por línea, en orden)"), required=False,
                            widget=forms.Textarea(attrs={"rows": 4}))
    instructions = forms.CharField(label=_("Enunciado (Markdown)"), required=False, strip=False,
                                   widget=forms.Textarea(attrs={"rows": 12, "data-language": "markdown"}))
    starter = forms.CharField(label=_("Código inicial (starter.py)"), required=False, strip=False,
                              widget=forms.Textarea(attrs={"rows": 12, "data-language": "python"}))
    solution = forms.CharField(label=_("Solución (solution.py)"), required=False, strip=False,
                               widget=forms.Textarea(attrs={"rows": 12, "data-language": "python"}))
    checks = forms.CharField(label=_("Comprobaciones (checks.py)"), required=False, strip=False,
                             widget=forms.Textarea(attrs={"rows": 12, "data-language": "python"}))
    base_hash = forms.CharField(widget=forms.HiddenInput)

    @classmethod
    def for_files(cls, exercise_files, base_hash):
        spec = files.exercise_spec(exercise_files)
        return cls(initial={
            "title": spec.get("title", ""), "order": spec.get("order", 1), "points": spec.get("points", 10),
            "device": spec.get("device", Device.CPU), "time_limit": spec.get("time_limit", 10),
            "memory_limit": spec.get("memory_limit", 1024), "hints": "\n".join(map(str, spec.get("hints") or [])),
            "instructions": spec.get("instructions", ""), "starter": exercise_files.get("starter.py", ""),
            "solution": exercise_files.get("solution.py", ""), "checks": exercise_files.get("checks.py", ""),
            "base_hash": base_hash})

    def wrong_attempts(self, post):
        """Pairs of (name, code) posted as `wrong_name`/`wrong_code`; names must be slugs, never paths."""
        attempts = {}
        for name, code in zip(post.getlist("wrong_name"), post.getlist("wrong_code")):
            if not name.strip() and not code.strip():
                continue
            try:
                attempts[files.wrong_file_name(name)] = code
            except files.UnsafePath:
                self.add_error(None, _("Nombre de intento erróneo no válido: «%(name)s». Usa minúsculas, números "
                                       "y guiones (por ejemplo, olvida-el-bias).") % {"name": name})
        return attempts

    def build(self, current_files, post):
        data = self.cleaned_data
        wrong = self.wrong_attempts(post)
        if self.errors:
            return None
        fields = {"title": data["title"], "order": data["order"], "device": data["device"],
                  "time_limit": data["time_limit"], "memory_limit": data["memory_limit"], "points": data["points"],
                  "hints": lines(data["hints"]), "instructions": data["instructions"].replace("\r\n", "\n")}
        code = {"starter.py": data["starter"], "solution.py": data["solution"], "checks.py": data["checks"]}
        return files.edited_exercise(current_files, fields, code, wrong)


class QuizForm(forms.Form):
    """A quiz: its data as fields and its questions as YAML, in the format of exercise.yaml."""

    title = forms.CharField(label=_("Título"), max_length=200)
    order = forms.IntegerField(label=_("Orden"), min_value=1)
    points = forms.IntegerField(label=_("Puntos"), min_value=0)
    instructions = forms.CharField(label=_("Enunciado (Markdown)"), required=False, strip=False,
                                   widget=forms.Textarea(attrs={"rows": 6, "data-language": "markdown"}))
    questions = forms.CharField(label=_("Preguntas (YAML: prompt, multiple, options con text, correct y "
                                        "explanation)"), strip=False, widget=forms.Textarea(attrs={"rows": 24}))
    base_hash = forms.CharField(widget=forms.HiddenInput)

    @classmethod
    def for_files(cls, exercise_files, base_hash):
        spec = files.exercise_spec(exercise_files)
        return cls(initial={"title": spec.get("title", ""), "order": spec.get("order", 1),
                            "points": spec.get("points", 10), "instructions": spec.get("instructions", ""),
                            "questions": files.dump_yaml(spec.get("questions") or []), "base_hash": base_hash})

    def clean_questions(self):
        try:
            questions = yaml.safe_load(self.cleaned_data["questions"].replace("\r\n", "\n"))
        except yaml.YAMLError as exc:
            raise forms.ValidationError(_("Las preguntas no son YAML válido: %(error)s") % {"error": exc}) from None
        if not isinstance(questions, list):
            raise forms.ValidationError(_("Las preguntas deben ser una lista YAML (cada una empieza por «- prompt:»)."))
        return questions

    def spec_text(self, current_files):
        """The quiz's exercise.yaml with the edited keys replaced in place; unchanged data keeps the file as is."""
        spec = files.exercise_spec(current_files)
        data = self.cleaned_data
        edited = files.with_edits(spec, {"title": data["title"], "order": data["order"], "points": data["points"],
                                         "questions": data["questions"],
                                         "instructions": data["instructions"].replace("\r\n", "\n")})
        return current_files[files.SPEC] if edited == spec else files.dump_yaml(edited)
