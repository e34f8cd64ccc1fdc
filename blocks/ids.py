"""Every action_id, callback_id and block_id prefix the bot uses, in one place."""

# Buttons on follow-ups; the value is "<plan_id>:<ref>".
FOLLOWUP_DONE = "followup_done"
FOLLOWUP_SNOOZE_DAY = "followup_snooze_day"
FOLLOWUP_SNOOZE_WEEK = "followup_snooze_week"
FOLLOWUP_BLOCK_PREFIX = "followup_"
# The same three as a menu beside a one-line follow-up (the digest); each option's value is
# "<plan_id>:<ref>:<choice>", the choice one of MENU_CHOICES.
FOLLOWUP_MENU = "followup_menu"
MENU_DONE, MENU_SNOOZE_DAY, MENU_SNOOZE_WEEK = "done", "day", "week"
MENU_CHOICES = (MENU_DONE, MENU_SNOOZE_DAY, MENU_SNOOZE_WEEK)

# Buttons on a join request in a coordinator's DM; the value is "<plan_id>:<request_id>".
JOIN_APPROVE = "join_approve"
JOIN_DECLINE = "join_decline"

# Under a refusal of text that looked personal: the value of Save anyway is the command as
# typed; of Rewrite, "<form>:<text>".
PERSONAL_SAVE = "personal_save_anyway"
PERSONAL_REWRITE = "personal_rewrite"

# Edit / Delete under an entry shown to its author; the value is "<plan_id>:<ref>". The Edit
# form's private_metadata is the same value.
ENTRY_EDIT = "entry_edit"
ENTRY_DELETE = "entry_delete"
EDIT_MODAL = "edit_modal"

# App Home.
HOME_LOG = "home_log"

# Modals (callback ids) and their inputs (block id / action id).
LOG_MODAL = "log_modal"
FOLLOW_MODAL = "follow_modal"
ACTIVITY_MODAL = "activity_modal"

# Shortcuts.
LOG_FROM_MESSAGE = "log_from_message"
FOLLOW_FROM_MESSAGE = "follow_from_message"
GLOBAL_NEW_LOG = "new_log"

# Inputs of the modals: block_id → action_id. A view_submission's errors are keyed by block_id.
PLAN_BLOCK, PLAN_INPUT = "plan_block", "plan"
ACTIVITY_BLOCK, ACTIVITY_INPUT = "activity_block", "activity"
TEXT_BLOCK, TEXT_INPUT = "text_block", "text"
DATE_BLOCK, DATE_INPUT = "date_block", "date"
ASSIGNEE_BLOCK, ASSIGNEE_INPUT = "assignee_block", "assignee"
DUE_BLOCK, DUE_INPUT = "due_block", "due"
TITLE_BLOCK, TITLE_INPUT = "title_block", "title"
OWNER_BLOCK, OWNER_INPUT = "owner_block", "owner"
CAUSE_BLOCK, CAUSE_INPUT = "cause_block", "cause"
GOAL_BLOCK, GOAL_INPUT = "goal_block", "goal"

# A notice shown as a modal where there is no channel to answer in (App Home, global shortcut).
NOTICE_MODAL = "notice_modal"

# An ephemeral list's follow-up buttons carry the command that drew it after this separator in
# their block_id, so a click can redraw the list (Slack sends no copy of an ephemeral message).
SOURCE_SEPARATOR = "|"

# The first block of a scheduled digest carries "<prefix><plan_id>_<YYYY>-W<WW>", so the bot can
# recognise its own digest in the channel's history after a crash (schedules/digest_job.py).
DIGEST_BLOCK_PREFIX = "samverkan_digest_"

# The council template's fields in the activity modal (issue 12).
PERIOD_BLOCK, PERIOD_INPUT = "period_block", "period"
PARTNERS_BLOCK, PARTNERS_INPUT = "partners_block", "partners"
FOLLOWUP_TEXT_BLOCK, FOLLOWUP_TEXT_INPUT = "followup_text_block", "followup_text"
KIND_BLOCK, KIND_INPUT = "kind_block", "kind"
# The import form: a file, then its preview with the organisations to create.
IMPORT_MODAL = "import_modal"
IMPORT_CONFIRM_MODAL = "import_confirm_modal"
IMPORT_FILE_BLOCK, IMPORT_FILE_INPUT = "import_file_block", "import_file"
IMPORT_ORGS_BLOCK, IMPORT_ORGS_INPUT = "import_orgs_block", "import_orgs"
# The weekly round's direct message: two buttons, each valued "<plan_id>:<YYYY>-W<WW>"; its
# first block carries "<prefix><plan_id>_<YYYY>-W<WW>_<user>" so the bot can find it after a
# crash (schedules/round_job.py).
ROUND_REPORT = "round_report"
ROUND_NOTHING = "round_nothing"
ROUND_BLOCK_PREFIX = "samverkan_round_"

# The observation form (DESIGN §9) and where it opens from: the App Home's button beside Log,
# the round's Report button, and the "Report as observation" message shortcut.
OBSERVE_MODAL = "observe_modal"
HOME_OBSERVE = "home_observe"
OBSERVE_FROM_MESSAGE = "observe_from_message"
CATEGORY_BLOCK, CATEGORY_INPUT = "category_block", "category"
PLACE_BLOCK, PLACE_INPUT = "place_block", "place"
NEW_PLACE_BLOCK, NEW_PLACE_INPUT = "new_place_block", "new_place"
BAND_BLOCK, BAND_INPUT = "band_block", "band"
CONCERN_BLOCK, CONCERN_INPUT = "concern_block", "concern"
#: The log form's production fields (DESIGN §1): participants and hours.
PARTICIPANTS_BLOCK, PARTICIPANTS_INPUT = "participants_block", "participants"
HOURS_BLOCK, HOURS_INPUT = "hours_block", "hours"
#: The tertial reminder's button (DESIGN §11) and the block that marks its message.
REPORT_TERTIAL = "report_tertial"
REPORT_BLOCK_PREFIX = "report_reminder_"
