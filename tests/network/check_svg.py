#!/usr/bin/python3
"""Checks that an SVG written by newsgraph is well-formed XML and that every
expected text appears in it as the text of a <text> element (or a title).

Usage: check_svg.py FILE.svg [EXPECTED ...]
Exit 0 when all is well, 1 with a message otherwise. Standard library only.
"""
import sys
import xml.etree.ElementTree as ET


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: check_svg.py FILE.svg [EXPECTED ...]")
    try:
        root = ET.parse(sys.argv[1]).getroot()
    except ET.ParseError as e:
        print(f"{sys.argv[1]}: not well-formed XML: {e}")
        return 1
    texts = set()
    for element in root.iter():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag in ("text", "title") and element.text:
            texts.add(element.text)
        if tag == "a":
            for key, value in element.attrib.items():
                if key.endswith("title"):
                    texts.add(value)
    missing = [e for e in sys.argv[2:] if e not in texts]
    if missing:
        print(f"{sys.argv[1]}: missing texts {missing!r}; found {sorted(texts)!r}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
