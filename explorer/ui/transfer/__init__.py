"""Import, export and backups: the spreadsheet import wizard and its pages, the content-pack
and export dialogs, the backups dialog, and the File menu actions that open them."""
