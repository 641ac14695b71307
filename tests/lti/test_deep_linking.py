"""Deep linking: the instructor picks an exercise on our page and the LMS receives it, signed, as a resource link
with a line item; launching that link opens the exercise."""
from .platform import DL, LTI, forms_in, page_form


def test_an_instructor_picks_an_exercise_and_the_lms_receives_a_signed_resource_link(
        platform, tool, browser_session, lms_teacher, exercise, lesson):
    result = platform.launch(browser_session, tool, lms_teacher, message_type="LtiDeepLinkingRequest")
    assert result.response.status_code == 302 and result.response.headers["Location"] == "/lti/enlazar/"
    picker = browser_session.get(f"{tool}/lti/enlazar/")
    assert picker.status_code == 200 and exercise.title in picker.text and lesson.title in picker.text
    form = page_form(picker.text)
    assert f"exercise:{exercise.uuid}" in form["choices"] and f"lesson:{lesson.uuid}" in form["choices"]
    answer = browser_session.post(f"{tool}/lti/enlazar/", data={**form["fields"], "item": f"exercise:{exercise.uuid}"},
                                  headers={"Referer": f"{tool}/lti/enlazar/"})
    assert answer.status_code == 200
    back = next(f for f in forms_in(answer.text) if f["action"].startswith(platform.url))
    assert back["action"] == f"{platform.url}/deep-link-return"
    assert browser_session.post(back["action"], data=back["fields"]).status_code == 200
    [claims] = platform.deep_link_responses
    [item] = claims[f"{DL}content_items"]
    assert item["type"] == "ltiResourceLink" and item["url"] == f"{tool}/lti/launch/"
    assert item["custom"] == {"exercise": str(exercise.uuid)} and item["title"] == exercise.title
    assert item["lineItem"] == {"scoreMaximum": exercise.points, "label": exercise.title,
                                "resourceId": str(exercise.uuid), "tag": "pytorch-desde-cero"}
    assert claims[f"{DL}data"] == "dato-opaco"
    assert claims[f"{LTI}deployment_id"] == platform.deployment_id
    launched = platform.launch(browser_session, tool, lms_teacher, custom=item["custom"])
    assert launched.response.headers["Location"].endswith(f"#ejercicio-{exercise.slug}")


def test_the_picker_is_404_without_a_deep_linking_launch(platform, tool, browser_session, lms_teacher, lesson):
    platform.launch(browser_session, tool, lms_teacher, custom={"lesson": str(lesson.uuid)})
    assert browser_session.get(f"{tool}/lti/enlazar/").status_code == 404


def test_a_student_cannot_answer_a_deep_linking_request(platform, tool, browser_session, lms_student):
    platform.launch(browser_session, tool, lms_student, message_type="LtiDeepLinkingRequest")
    assert browser_session.get(f"{tool}/lti/enlazar/").status_code == 404


def test_a_junk_choice_is_a_clear_400(platform, tool, browser_session, lms_teacher):
    platform.launch(browser_session, tool, lms_teacher, message_type="LtiDeepLinkingRequest")
    picker = browser_session.get(f"{tool}/lti/enlazar/")
    form = page_form(picker.text)
    for junk in ("exercise:no-es-un-uuid", "otra-cosa", "lesson:00000000-0000-4000-8000-000000000000"):
        answer = browser_session.post(f"{tool}/lti/enlazar/", data={**form["fields"], "item": junk},
                                      headers={"Referer": f"{tool}/lti/enlazar/"})
        assert answer.status_code == 400 and "Elige una lección o un ejercicio" in answer.text
    assert platform.deep_link_responses == []
