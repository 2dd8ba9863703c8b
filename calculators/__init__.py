"""CP523 guide calculators."""
