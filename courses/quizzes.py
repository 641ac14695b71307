"""Quizzes are graded on the server, without the sandbox; the answer key never reaches the page."""
from dataclasses import dataclass


class InvalidAnswers(Exception):
    """The answers do not fit the quiz (wrong count, unknown options)."""


@dataclass
class QuizResult:
    checks: list
    score: float
    max_score: float

    @property
    def passed(self):
        return all(check["passed"] for check in self.checks)


def public_questions(exercise):
    """What the page may show: prompts and option texts, no correctness, no explanations."""
    return [{"prompt": q["prompt"], "multiple": bool(q.get("multiple")),
             "options": [o["text"] for o in q["options"]]} for q in exercise.quiz]


def grade(exercise, answers):
    questions = exercise.quiz
    if not isinstance(answers, list) or len(answers) != len(questions):
        raise InvalidAnswers(f"Se esperaban respuestas para {len(questions)} preguntas.")
    checks = []
    for number, (question, chosen) in enumerate(zip(questions, answers), 1):
        if not isinstance(chosen, list) or not all(isinstance(i, int) and not isinstance(i, bool) for i in chosen):
            raise InvalidAnswers(f"La respuesta a la pregunta {number} debe ser una lista de opciones.")
        options = question["options"]
        if any(i < 0 or i >= len(options) for i in chosen) or len(set(chosen)) != len(chosen):
            raise InvalidAnswers(f"La pregunta {number} no tiene esas opciones.")
        if not question.get("multiple") and len(chosen) > 1:
            raise InvalidAnswers(f"La pregunta {number} admite una sola respuesta.")
        correct = {i for i, option in enumerate(options) if option.get("correct")}
        explanations = [options[i].get("explanation", "") for i in sorted(chosen)]
        passed = set(chosen) == correct
        message = " ".join(e for e in explanations if e)
        if not passed and not chosen:
            message = "No has elegido ninguna opción."
        checks.append({"name": question["prompt"], "passed": passed, "message": message,
                       "points": 0, "max_points": 0, "chosen": sorted(chosen),
                       "correct": sorted(correct) if passed else None})
    per_question = exercise.points / len(questions) if questions else 0
    for check in checks:
        check["max_points"] = round(per_question, 2)
        check["points"] = round(per_question, 2) if check["passed"] else 0
    score = round(sum(c["points"] for c in checks), 2)
    return QuizResult(checks, score, float(exercise.points))
