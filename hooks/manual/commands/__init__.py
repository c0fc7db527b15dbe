"""The subcommands of `manual` (see manual.cli), one module per group: checking, reviews, editing."""
