"""Printing a page to PDF as a reader would, and reading it back with poppler-utils."""

import subprocess


def pdf_text(page, tmp_path, name) -> tuple[str, int]:
    """The page printed on US Letter: (its text, laid out; its number of pages)."""
    path = tmp_path / f"{name}.pdf"
    page.pdf(path=str(path), format="Letter")
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    pages = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    count = int(next(line.split()[-1] for line in pages.splitlines() if line.startswith("Pages:")))
    return text, count
