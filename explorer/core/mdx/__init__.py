"""Python-Markdown extensions that turn lessons written for this app, and for other lesson
tools (Carpentries Workbench and Jekyll, Pandoc, R Markdown, Quarto), into article HTML."""
