"""Drawing replies: Block Kit for Slack (`blocks.kit`) and plain text for the console (`blocks.text`)."""
