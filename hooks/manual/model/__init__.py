"""The document model: records the rest of the core reads (documents, reviews, settings, vocabulary)."""
