"""A QTI 1.2 package: what Canvas ("QTI .zip file"), Blackboard and others import.

IMS Question & Test Interoperability 1.2 (ASI): each lesson is an <assessment> in its
own file, listed in the package's imsmanifest.xml (IMS Content Packaging 1.1) as a
resource of type imsqti_xmlv1p2. Items carry the metadata Canvas reads (question_type,
points_possible), which other platforms ignore. A multiple-choice item is a single
response (response_lid, rcardinality Single) scored 100 for the right label, with its
explanation as general feedback; an open question is an essay (a free-text response_str
the teacher marks) with the model answer as general feedback.

Identifiers come from the lesson slugs, so exporting twice gives the same package.
Everything is built with ElementTree, which escapes every value.
"""

from __future__ import annotations

import hashlib
import io
import xml.etree.ElementTree as ElementTree
import zipfile

from explorer.core.quiz_export import QuizItem, QuizLesson, QuizSet, html_text

QTI_NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
CP_NS = "http://www.imsglobal.org/xsd/imscp_v1p1"
RESOURCE_TYPE = "imsqti_xmlv1p2"
MANIFEST = "imsmanifest.xml"
XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'
#: a fixed time for every entry, so that the same questions give the same bytes
ZIP_TIME = (2000, 1, 1, 0, 0, 0)
E = ElementTree.SubElement


def lesson_ident(slug: str) -> str:
    """An XML identifier (and folder name) for a lesson's assessment."""
    return "spx_" + hashlib.sha1(slug.encode("utf-8")).hexdigest()[:16]


def _field(metadata: ElementTree.Element, label: str, entry: str) -> None:
    field = E(metadata, "qtimetadatafield")
    E(field, "fieldlabel").text = label
    E(field, "fieldentry").text = entry


def _material(parent: ElementTree.Element, text: str, texttype: str = "text/html") -> None:
    E(E(parent, "material"), "mattext", {"texttype": texttype}).text = text


def _item(section: ElementTree.Element, ident: str, item: QuizItem) -> None:
    element = E(section, "item", {"ident": ident, "title": item.name})
    metadata = E(E(element, "itemmetadata"), "qtimetadata")
    kind = "multiple_choice_question" if item.is_choice else "essay_question"
    _field(metadata, "question_type", kind)
    _field(metadata, "points_possible", "1.0")
    presentation = E(element, "presentation")
    _material(presentation, html_text(item.question.question))
    processing = E(element, "resprocessing")
    outcomes = E(processing, "outcomes")
    E(
        outcomes,
        "decvar",
        {"maxvalue": "100", "minvalue": "0", "varname": "SCORE", "vartype": "Decimal"},
    )
    if item.feedback:
        _show_feedback(processing)
    if item.is_choice:
        _choices(presentation, processing, ident, item)
    else:
        _essay(presentation, processing)
    if item.feedback:
        feedback = E(element, "itemfeedback", {"ident": "general_fb"})
        _material(E(feedback, "flow_mat"), html_text(item.feedback))


def _show_feedback(processing: ElementTree.Element) -> None:
    condition = E(processing, "respcondition", {"continue": "Yes"})
    E(E(condition, "conditionvar"), "other")
    E(condition, "displayfeedback", {"feedbacktype": "Response", "linkrefid": "general_fb"})


def _choices(
    presentation: ElementTree.Element,
    processing: ElementTree.Element,
    ident: str,
    item: QuizItem,
) -> None:
    response = E(presentation, "response_lid", {"ident": "response1", "rcardinality": "Single"})
    render = E(response, "render_choice")
    for index, choice in enumerate(item.question.choices):
        label = E(render, "response_label", {"ident": f"{ident}_c{index}"})
        _material(label, choice, "text/plain")
    condition = E(processing, "respcondition", {"continue": "No"})
    equal = E(E(condition, "conditionvar"), "varequal", {"respident": "response1"})
    equal.text = f"{ident}_c{item.correct}"
    E(condition, "setvar", {"action": "Set", "varname": "SCORE"}).text = "100"


def _essay(presentation: ElementTree.Element, processing: ElementTree.Element) -> None:
    response = E(presentation, "response_str", {"ident": "response1", "rcardinality": "Single"})
    E(E(response, "render_fib"), "response_label", {"ident": "answer1", "rshuffle": "No"})
    condition = E(processing, "respcondition", {"continue": "No"})
    E(E(condition, "conditionvar"), "other")


def assessment_xml(lesson: QuizLesson) -> str:
    """One lesson's questions as a QTI 1.2 assessment document."""
    root = ElementTree.Element("questestinterop", {"xmlns": QTI_NS})
    ident = lesson_ident(lesson.slug)
    assessment = E(root, "assessment", {"ident": ident, "title": lesson.title})
    section = E(assessment, "section", {"ident": "root_section"})
    for item in lesson.items:
        _item(section, f"{ident}_q{item.number}", item)
    ElementTree.indent(root)
    return XML_DECLARATION + ElementTree.tostring(root, encoding="unicode") + "\n"


def manifest_xml(quiz: QuizSet) -> str:
    root = ElementTree.Element("manifest", {"xmlns": CP_NS, "identifier": "spx_manifest"})
    metadata = E(root, "metadata")
    E(metadata, "schema").text = "IMS Content"
    E(metadata, "schemaversion").text = "1.1.3"
    E(root, "organizations")
    resources = E(root, "resources")
    for lesson in quiz.lessons:
        ident = lesson_ident(lesson.slug)
        resource = E(
            resources,
            "resource",
            {"identifier": ident, "type": RESOURCE_TYPE, "href": assessment_path(lesson)},
        )
        E(resource, "file", {"href": assessment_path(lesson)})
    ElementTree.indent(root)
    return XML_DECLARATION + ElementTree.tostring(root, encoding="unicode") + "\n"


def assessment_path(lesson: QuizLesson) -> str:
    ident = lesson_ident(lesson.slug)
    return f"{ident}/{ident}.xml"


def qti_package(quiz: QuizSet) -> bytes:
    """The .zip: imsmanifest.xml first, then one assessment file per lesson."""
    files = [(MANIFEST, manifest_xml(quiz))]
    files += [(assessment_path(lesson), assessment_xml(lesson)) for lesson in quiz.lessons]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, text in files:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            package.writestr(info, text.encode("utf-8"))
    return buffer.getvalue()
