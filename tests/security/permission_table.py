"""What each role may do in the admin: one table, by area, for every admin URL pattern.

Each row names admin URL patterns by a regular expression over their view names (a bulk action
as `wagtail_bulk_action:<app>.<model>.<action>`, an admin API page action as
`wagtailadmin_api:pages:action:<action>`; the first row that matches counts) and gives one verdict
per role:

- `yes`: allowed, for the German and the English object where the address takes one;
- `German` / `English`: allowed for the object of that language, refused for the other;
- `own networks`: allowed for the participation requests of the networks the user is assigned to;
- `empty`: the view opens but shows none of the objects (Wagtail filters its list by permission);
- `–`: refused (login page, the dashboard with "no permission", 403 or 404), POST included;
- `500`: Wagtail's deliberate error page for testing the 500 page.

`tests/security/test_permission_matrix.py` checks every admin address against it, as every role;
the README's roles section shows the same table (`python -m tests.security.permission_table`
writes it there, a test compares)."""

import re
from dataclasses import dataclass
from pathlib import Path

README = Path(__file__).resolve().parents[2] / "README.md"

ROLES = ["editor", "moderator", "translator", "contact_person", "no_group", "anonymous"]
HEADINGS = ["Redaktion", "Chefredaktion", "Übersetzung", "Ansprechpersonen", "no group", "not logged in"]

YES, NO, EMPTY, DE, EN, OWN, ERROR = "yes", "–", "empty", "German", "English", "own networks", "500"


@dataclass(frozen=True)
class Row:
    area: str
    what: str
    pattern: re.Pattern
    verdicts: tuple


def row(area, what, pattern, *verdicts):
    """A row; the last two roles (no group, not logged in) are refused unless given."""
    verdicts = verdicts + (NO,) * (len(ROLES) - len(verdicts))
    assert len(verdicts) == len(ROLES), what
    return Row(area, what, re.compile(pattern), verdicts)


ADMIN_ROLES = (YES, YES, YES, YES)
PAGE_WORK = (DE, DE, EN, NO)  # the editors' and moderators' German tree, the translators' English one
PAGE_READERS = (YES, YES, YES, NO)  # who works on pages, in some language
MEDIA_EDITORS = (YES, YES, NO, NO)
MEDIA_USERS = (YES, YES, YES, NO)  # who may at least choose images and documents
SNIPPET_EDITORS = (YES, YES, NO, NO)
SNIPPETS = "Snippets: companies, competences, contact persons, topics, news tags"
EDITORIAL = "(network_company|network_competence|network_contactperson|network_topic|news_newstag)"

# fmt: off
TABLE = [
    # Open to everyone: logging in and what the login page needs.
    row("Login", "login, password reset, icons, interface strings",
        r"wagtailadmin_(login|password_reset.*|sprite|javascript_catalog)", YES, YES, YES, YES, YES, YES),
    row("Login", "log out", r"wagtailadmin_logout", YES, YES, YES, YES, YES, YES),
    # The admin itself.
    row("Admin", "dashboard, own account, dismissed hints, Wagtail's 404 test page",
        r"wagtailadmin_home|wagtailadmin_account|wagtailadmin_dismissibles|admin/test404/", *ADMIN_ROLES),
    row("Admin", "Wagtail's 500 test page", r"wagtailadmin_error_test", ERROR, ERROR, ERROR, ERROR),
    row("Admin", "an unknown admin address (404)", r"admin/\^\.\*/\$", NO, NO, NO, NO),
    row("Admin", "interface strings of the translation editor", r"wagtail_localize:javascript_catalog",
        *ADMIN_ROLES),
    row("Admin", "editing sessions (release; pinging a missing session: 404)",
        r"wagtailadmin_editing_sessions:release", *ADMIN_ROLES),
    row("Admin", "ping a missing editing session (404)", r"wagtailadmin_editing_sessions:ping", NO, NO, NO, NO),
    row("Admin", "block previews (without a block: 404)", r"wagtailadmin_block_preview", NO, NO, NO, NO),
    row("Admin", "tag autocompletion", r"wagtailadmin_tag_autocomplete", *ADMIN_ROLES),
    row("Admin", "tag autocompletion of a model without tags (404)", r"wagtailadmin_tag_model_autocomplete",
        NO, NO, NO, NO),
    # Pages.
    row("Pages", "page explorer (each role is taken to the tree it may browse)",
        r"wagtailadmin_explore(_root|_results)?", *PAGE_READERS),
    row("Pages", "search, page type usage", r"wagtailadmin_pages:(search|search_results|type_use|type_use_results)",
        *PAGE_READERS),
    row("Pages", "choose where to create a page of a type", r"wagtailadmin_pages:choose_parent",
        YES, YES, EMPTY, EMPTY),
    row("Pages", "add a page, its preview", r"wagtailadmin_pages:(add|preview_on_add|add_subpage)", DE, DE, NO, NO),
    row("Pages", "edit, preview, draft, history, revisions, compare, usage",
        r"wagtailadmin_pages:(edit|preview_on_edit|view_draft|history|history_results|revisions_index"
        r"|revisions_view|revisions_revert|revisions_compare|usage|workflow_history)", *PAGE_WORK),
    row("Pages", "copy a page", r"wagtailadmin_pages:copy", DE, DE, NO, NO),
    row("Pages", "delete, move, reorder a page", r"wagtailadmin_pages:(delete|move|move_confirm|set_page_position)",
        NO, DE, NO, NO),
    row("Pages", "unpublish, privacy, cancel a scheduled publication",
        r"wagtailadmin_pages:(unpublish|set_privacy|revisions_unschedule)", NO, DE, EN, NO),
    row("Pages", "confirm cancelling the workflow when publishing",
        r"wagtailadmin_pages:confirm_workflow_cancellation", NO, DE, EN, NO),
    row("Pages", "approve or request changes, preview the revision in moderation",
        r"wagtailadmin_pages:(workflow_action|collect_workflow_action_data|workflow_preview)", NO, DE, NO, NO),
    row("Pages", "a page's workflow history in detail (the German page's)",
        r"wagtailadmin_pages:workflow_history_detail", DE, DE, NO, NO),
    row("Pages", "lock, unlock (no role holds the lock permission)", r"wagtailadmin_pages:(lock|unlock)",
        NO, NO, NO, NO),
    row("Pages", "convert an alias into a page (no alias in the test: 404)", r"wagtailadmin_pages:convert_alias",
        NO, NO, NO, NO),
    row("Pages", "bulk delete, move", r"wagtail_bulk_action:wagtailcore\.page\.(delete|move)", NO, DE, NO, NO),
    row("Pages", "bulk publish, unpublish", r"wagtail_bulk_action:wagtailcore\.page\.(publish|unpublish)",
        NO, DE, EN, NO),
    row("Pages", "page chooser (and its link forms)", r"wagtailadmin_choose_page.*", *PAGE_READERS),
    # The admin API, which Wagtail's explorer and choosers use.
    row("Admin API", "page listing (pages the role may browse)", r"wagtailadmin_api:pages:listing",
        YES, YES, YES, EMPTY),
    row("Admin API", "a page", r"wagtailadmin_api:pages:detail", DE, DE, YES, NO),
    row("Admin API", "find a page (without a query: 404)", r"wagtailadmin_api:(pages|images|documents):find",
        NO, NO, NO, NO),
    row("Admin API", "copy, delete, move a page", r"wagtailadmin_api:pages:action:(copy|delete|move)",
        NO, DE, NO, NO),
    row("Admin API", "publish, unpublish a page", r"wagtailadmin_api:pages:action:(publish|unpublish)",
        NO, DE, EN, NO),
    row("Admin API", "images and documents", r"wagtailadmin_api:(images|documents):(listing|detail)", *MEDIA_USERS),
    # Images and documents (Wagtail: who may change them may delete them).
    row("Images", "list, add, edit, delete, usage, preview",
        r"wagtailimages:(index|index_results|add|add_multiple|edit|edit_multiple|delete|delete_multiple"
        r"|image_usage|preview)", *MEDIA_EDITORS),
    row("Images", "URL generator (no role holds its permission)", r"wagtailimages:url_generator.*", NO, NO, NO, NO),
    row("Images", "finish or drop an upload (none in the test: 404)",
        r"wagtailimages:(create_multiple_from_uploaded_image|delete_upload_multiple)", NO, NO, NO, NO),
    row("Images", "bulk delete, tag, move to a collection", r"wagtail_bulk_action:wagtailimages\..*", *MEDIA_EDITORS),
    row("Images", "image chooser",
        r"wagtailimages_chooser:(choose|choose_results|chosen|chosen_multiple|select_format)", *MEDIA_USERS),
    row("Images", "upload in the chooser", r"wagtailimages_chooser:create", *MEDIA_EDITORS),
    row("Documents", "list, add, edit, delete, usage",
        r"wagtaildocs:(index|index_results|add|add_multiple|edit|edit_multiple|delete|delete_multiple"
        r"|document_usage)", *MEDIA_EDITORS),
    row("Documents", "finish or drop an upload (none in the test: 404)",
        r"wagtaildocs:(create_multiple_from_uploaded_document|delete_upload_multiple)", NO, NO, NO, NO),
    row("Documents", "bulk delete, tag, move to a collection", r"wagtail_bulk_action:wagtaildocs\..*",
        *MEDIA_EDITORS),
    row("Documents", "document chooser", r"wagtaildocs_chooser:(choose|choose_results|chosen|chosen_multiple)",
        *MEDIA_USERS),
    row("Documents", "upload in the chooser", r"wagtaildocs_chooser:create", *MEDIA_EDITORS),
    # The snippets editors keep and translators translate.
    row(SNIPPETS, "list, history, usage",
        rf"wagtailsnippets_{EDITORIAL}"
        r":(list|list_results|history|history_results|usage)", *PAGE_READERS),
    row(SNIPPETS, "add (in German)",
        rf"wagtailsnippets_{EDITORIAL}:add", *SNIPPET_EDITORS),
    row(SNIPPETS, "copy",
        rf"wagtailsnippets_{EDITORIAL}:copy", DE, DE, NO, NO),
    row(SNIPPETS, "edit",
        rf"wagtailsnippets_{EDITORIAL}:edit", *PAGE_WORK),
    row(SNIPPETS, "delete, bulk delete",
        rf"wagtailsnippets_{EDITORIAL}:delete"
        r"|wagtail_bulk_action:(network\.(company|competence|contactperson|topic)|news\.newstag)\.delete",
        NO, NO, NO, NO),
    row(SNIPPETS, "chooser",
        rf"wagtailsnippetchoosers_{EDITORIAL}"
        r":(choose|choose_results|chosen|chosen_multiple)", *PAGE_READERS),
    row(SNIPPETS, "add in the chooser",
        rf"wagtailsnippetchoosers_{EDITORIAL}:create",
        *SNIPPET_EDITORS),
    # Companies have draft state and the workflow "Company profile review" (network.Company).
    row("Companies", "workflow history of a company", r"wagtailsnippets_network_company:workflow_history",
        *PAGE_READERS),
    row("Companies", "unpublish a company, confirm cancelling its workflow when publishing",
        r"wagtailsnippets_network_company:(unpublish|confirm_workflow_cancellation)", NO, DE, EN, NO),
    row("Companies", "approve or request changes (no company in moderation in the test: 404)",
        r"wagtailsnippets_network_company:(workflow_action|collect_workflow_action_data)", NO, NO, NO, NO),
    row("Companies", "revert to, compare or unschedule a revision, a workflow's history in detail (no revision "
        "or workflow of the company in the test: 404)",
        r"wagtailsnippets_network_company:(revisions_revert|revisions_compare|revisions_unschedule"
        r"|workflow_history_detail)", NO, NO, NO, NO),
    row("Snippets", "the snippets overview (each model has its own menu item)", r"wagtailsnippets:index",
        NO, NO, NO, NO),
    # Reports of barriers (personal data): moderators answer them, editors read them.
    row("Barrier reports", "list, read", r"wagtailsnippets_accessibility_barrierreport:(list|list_results|inspect)",
        YES, YES, NO, NO),
    row("Barrier reports", "set the status, history, usage",
        r"wagtailsnippets_accessibility_barrierreport:(edit|history|history_results|usage)", NO, YES, NO, NO),
    row("Barrier reports", "create, delete (reports come only from the public form)",
        r"wagtailsnippets_accessibility_barrierreport:(add|delete)"
        r"|wagtailsnippetchoosers_accessibility_barrierreport:create"
        r"|wagtail_bulk_action:accessibility\.barrierreport\.delete", NO, NO, NO, NO),
    row("Barrier reports", "chooser",
        r"wagtailsnippetchoosers_accessibility_barrierreport:(choose|choose_results|chosen|chosen_multiple)",
        YES, YES, NO, NO),
    # The cooperation exchange's entries (posters' personal data): moderators approve (publish),
    # correct and reject (delete) them; editors read them.
    row("Cooperation exchange", "entries: list, read, chooser",
        r"wagtailsnippets_exchange_entry:(list|list_results|inspect)"
        r"|wagtailsnippetchoosers_exchange_entry:(choose|choose_results|chosen|chosen_multiple)", YES, YES, NO, NO),
    row("Cooperation exchange", "entries: edit, approve (publish), unpublish, history, usage, reject (delete, "
        "bulk delete)",
        r"wagtailsnippets_exchange_entry:(edit|unpublish|history|history_results|usage|delete)"
        r"|wagtail_bulk_action:exchange\.entry\.delete", NO, YES, NO, NO),
    row("Cooperation exchange", "entries: create (entries come only from the public form); a revision of an entry "
        "(without one in the test: 404)",
        r"wagtailsnippets_exchange_entry:(add|revisions_revert|revisions_compare|revisions_unschedule)"
        r"|wagtailsnippetchoosers_exchange_entry:create", NO, NO, NO, NO),
    # Participation requests (personal data).
    row("Participation requests", "list, export, read, set the status, history",
        r"network_participation_requests:(index|index_results|inspect|edit|history|history_results|usage)",
        NO, YES, NO, OWN),
    row("Participation requests", "create, delete (requests come only from the public form)",
        r"network_participation_requests:(add|delete)", NO, NO, NO, NO),
    row("Participation requests", "assign the networks' request recipients", r"network_participation_recipients:.*",
        NO, YES, NO, NO),
    # Registrations for meetings and events (personal data): moderators only.
    row("Registrations", "participants per event, export, read, check-in list, a person's data and its download",
        r"registration_participants:(index|index_results|inspect|checkin|person|person_export)", NO, YES, NO, NO),
    row("Registrations", "erase a person's data", r"registration_participants:person_erase", NO, YES, NO, NO),
    row("Registrations", "create, edit, delete one, its history and usage (registrations come only from the "
        "public form and change only by their e-mailed links)",
        r"registration_participants:(add|edit|delete|history|history_results|usage)", NO, NO, NO, NO),
    # The newsletter: editors and moderators compose (drafts only) and test; moderators send and
    # see and erase the subscribers (personal data).
    row("Newsletter", "issues: list, compose, edit and delete a draft, its history and usage, preview, the test and "
        "send page (sending itself: moderators)",
        r"newsletter_issues:(index|index_results|add|edit|delete|history|history_results|usage|preview|send)",
        YES, YES, NO, NO),
    row("Newsletter", "subscribers: list, read, history, erase",
        r"newsletter_subscribers:(index|index_results|inspect|history|history_results|delete)", NO, YES, NO, NO),
    row("Newsletter", "subscribers: add, edit, usage (subscribers come only from the public form and change only "
        "by their e-mailed links)",
        r"newsletter_subscribers:(add|edit|usage)", NO, NO, NO, NO),
    # Company representatives (personal data): moderators approve, reject and revoke them.
    row("Company representatives", "list, read, decide (approve, reject, revoke), history, usage, erase",
        r"representatives:(index|index_results|inspect|edit|history|history_results|usage|delete)",
        NO, YES, NO, NO),
    row("Company representatives", "create (requests come only from the public form)", r"representatives:add",
        NO, NO, NO, NO),
    # Translation (wagtail-localize).
    row("Translation", "start translating a page or a snippet (an English one offers no language to translate into)",
        r"wagtail_localize:(submit_page_translation|submit_snippet_translation)", NO, NO, YES, NO),
    row("Translation", "sync a German page's translations", r"wagtail_localize:update_translations", NO, NO, DE, NO),
    row("Translation", "translation editor: PO download, preview, stop translating, convert into an alias",
        r"wagtail_localize:(download_pofile|preview_translation|stop_translation|convert_to_alias)", NO, NO, EN, NO),
    row("Translation", "translation editor: preview in a mode the page lacks (404)",
        r"wagtail_localize:preview_translation\[translation_id,mode\]", NO, NO, NO, NO),
    row("Translation", "translation editor: edit a string or an override (API taking PUT: POST refused), "
        "PO upload without a file, machine translation while none is configured",
        r"wagtail_localize:(edit_string_translation|edit_override|upload_pofile|machine_translate)", NO, NO, NO, NO),
    row("Translation", "snippets of the translation editor's chooser", r"wagtail_localize:snippets_api_.*",
        *PAGE_READERS),
    # Reports.
    row("Reports", "workflows, tasks, aging pages, page types, site history, translations",
        r"wagtailadmin_reports:(workflow|workflow_tasks|aging_pages|page_types_usage|site_history)(_results)?"
        r"|wagtail_localize:translations_report(_results)?", *PAGE_READERS),
    row("Reports", "locked pages (no role holds the lock permission)", r"wagtailadmin_reports:locked_pages.*",
        NO, NO, NO, NO),
    row("Reports", "form submissions (the site has no form pages)", r"wagtailforms:(index|index_results)",
        EMPTY, EMPTY, EMPTY, NO),
    row("Reports", "a page's form submissions (a page that is no form: 404)",
        r"wagtailforms:(list_submissions|list_submissions_results|delete_submissions)",
        NO, NO, NO, NO),
    # Settings and administration: administrators only.
    row("Settings", "contact data, legal pages, redirects, collections, workflows and their tasks, "
        "languages, sites",
        r"wagtailsettings:.*|wagtailredirects:.*|wagtailadmin_collections:.*|wagtaillocales:.*|wagtailsites:.*"
        r"|wagtailadmin_workflows:(index|index_results|add|edit|enable|disable|usage|usage_results|remove.*"
        r"|add_task|select_task_type|task_index|task_index_results|edit_task|enable_task|disable_task)",
        NO, NO, NO, NO),
    row("Settings", "workflow task chooser", r"wagtailadmin_workflows:task_cho.*", NO, NO, NO, NO),
    row("Users", "users, groups, bulk actions on users",
        r"wagtailusers_users:.*|wagtailusers_groups:.*|wagtail_bulk_action:auth\.user\..*", NO, NO, NO, NO),
]
# fmt: on


def row_for(name, strict=True):
    """The first row naming the admin view `name`."""
    for candidate in TABLE:
        if candidate.pattern.fullmatch(name):
            return candidate
    if strict:
        raise LookupError(f"{name} is in no row of the permission table")
    return None


def expected_outcome(table_row, role, language):
    """ "allowed", "refused", "empty" or "error" for `role` calling a view of `table_row` for an
    object of `language` (None: an address without a language)."""
    verdict = table_row.verdicts[ROLES.index(role)]
    if verdict in (DE, EN):
        if language is None:
            raise ValueError(f"{table_row.what}: a verdict by language for an address without one")
        return "allowed" if language == {DE: "de", EN: "en"}[verdict] else "refused"
    return {YES: "allowed", OWN: "allowed", NO: "refused", EMPTY: "empty", ERROR: "error"}[verdict]


START = "<!-- permission table: written by `python -m tests.security.permission_table` -->"
END = "<!-- end of the permission table -->"


def render_readme_table():
    lines = [f"| Area | What | {' | '.join(HEADINGS)} |", "| --- | --- |" + " --- |" * len(HEADINGS)]
    for table_row in TABLE:
        lines.append(f"| {table_row.area} | {table_row.what} | {' | '.join(table_row.verdicts)} |")
    return "\n".join(lines)


def readme_section(text):
    """The table between the README's markers (None without them)."""
    if START not in text or END not in text:
        return None
    return text.split(START, 1)[1].split(END, 1)[0].strip()


def write_readme():
    text = README.read_text()
    before, rest = text.split(START, 1)
    after = rest.split(END, 1)[1]
    README.write_text(f"{before}{START}\n{render_readme_table()}\n{END}{after}")


if __name__ == "__main__":
    write_readme()
