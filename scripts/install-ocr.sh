#!/bin/sh
# Install Tesseract (English) and Ghostscript for --ocr and tests/test_ocr.py (Debian/Ubuntu).
# OCRmyPDF itself is a Python package (pip install '.[ocr]', also in '.[dev]'); it runs Tesseract.
# Idempotent: does nothing when tesseract is already there with its English data.
set -eu
if command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx eng; then
    echo "tesseract already installed: $(tesseract --version 2>/dev/null | head -1)"
    exit 0
fi
sh "$(dirname "$0")/apt-install.sh" tesseract-ocr tesseract-ocr-eng ghostscript
tesseract --version | head -1
