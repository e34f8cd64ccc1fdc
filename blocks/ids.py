"""Every action_id, callback_id and block_id prefix the bot uses, in one place."""

# Buttons on follow-ups; the value is "<plan_id>:<ref>".
FOLLOWUP_DONE = "followup_done"
FOLLOWUP_SNOOZE_DAY = "followup_snooze_day"
FOLLOWUP_SNOOZE_WEEK = "followup_snooze_week"
FOLLOWUP_BLOCK_PREFIX = "followup_"

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
