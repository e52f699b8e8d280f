"""Text-processing stages: plain functions, text in, records out, no Prefect."""
