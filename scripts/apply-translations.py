#!/usr/bin/env python3
"""Fills translations into a Qt .ts file from a Python dict of source text -> translation.

Usage: scripts/apply-translations.py translations/lathe_ko.ts DICT.py
DICT.py defines KO = {source: translation}. Unfinished entries whose source is in the dict get
the translation and lose type="unfinished" (finished ones are kept: the same English may read
differently in another context, "Started" as a column or as a job's state); numerus entries get the same text for every form
(Korean has one plural form). Prints the sources still untranslated.
"""
import runpy
import sys
import xml.etree.ElementTree as ET

ts_path, dict_path = sys.argv[1], sys.argv[2]
table = runpy.run_path(dict_path)["KO"]
tree = ET.parse(ts_path)
missing = []
for message in tree.getroot().iter("message"):
    source = message.find("source").text
    translation = message.find("translation")
    unfinished = translation.get("type") == "unfinished" or not (translation.text or translation.findall("numerusform"))
    if not unfinished:
        continue
    if source not in table:
        missing.append(source)
        continue
    translation.attrib.pop("type", None)
    if message.get("numerus") == "yes":
        for form in list(translation):
            translation.remove(form)
        ET.SubElement(translation, "numerusform").text = table[source]
    else:
        translation.text = table[source]
ET.indent(tree, space="    ")
with open(ts_path, "wb") as out:
    out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
    tree.write(out, encoding="utf-8", xml_declaration=False)
for source in missing:
    print("untranslated:", repr(source))
sys.exit(1 if missing else 0)
