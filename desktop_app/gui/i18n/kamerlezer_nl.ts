<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL" sourcelanguage="en">
    <context>
        <name>Commands</name>
        <message>
            <location filename="../../../desktop_app/gui/commands.py" line="36" />
            <source>Done: {what}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/commands.py" line="69" />
            <source>Add annotation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/commands.py" line="90" />
            <source>Remove annotation “{quote}”</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/commands.py" line="91" />
            <source>Removed the annotation “{quote}”</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/commands.py" line="107" />
            <source>Re-attach annotation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/commands.py" line="144" />
            <source>Edit note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/commands.py" line="144" />
            <source>Note saved</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/commands.py" line="173" />
            <source>Add theme “{name}”</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/commands.py" line="195" />
            <source>Key {key} for “{name}”</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/commands.py" line="196" />
            <source>{name} now has key {key}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/commands.py" line="198" />
            <source>No key for “{name}”</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/commands.py" line="199" />
            <source>{name} has no key now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/commands.py" line="207" />
            <source>({name} has none)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/commands.py" line="230" />
            <source>Rename theme</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/commands.py" line="232" />
            <source>Change theme colour</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/commands.py" line="234" />
            <source>Describe theme</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/commands.py" line="255" />
            <source>Move theme</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/commands.py" line="273" />
            <source>Delete theme “{name}”</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/commands.py" line="299" />
            <source>Merge “{name}” into “{target}”</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/commands.py" line="323" />
            <source>Set Kamerstuk id</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LibraryController</name>
        <message>
            <location filename="../../../desktop_app/gui/controller.py" line="52" />
            <source>Backup</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/controller.py" line="61" />
            <source>No backup was made: {reason}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/controller.py" line="119" />
            <source>Tag with {names}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/controller.py" line="119" />
            <source>Add annotation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/controller.py" line="120" />
            <source>Tagged with {names}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/controller.py" line="120" />
            <source>Annotation added</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/controller.py" line="128" />
            <source>Untag “{name}”</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/controller.py" line="129" />
            <source>Untagged “{name}”</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/controller.py" line="132" />
            <source>Tag with “{name}”</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/controller.py" line="133" />
            <source>Tagged with “{name}”</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CitationDialog</name>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="42" />
            <source>Dossier</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="43" />
            <source>Toevoeging</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="44" />
            <source>Ondernummer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="45" />
            <source>Number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="46" />
            <source>Numbers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="47" />
            <source>Also dossiers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="48" />
            <source>Whole dossier</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="49" />
            <source>Vergaderjaar</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="50" />
            <source>Chamber</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="51" />
            <source>Date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="52" />
            <source>Page</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="53" />
            <source>Item</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="54" />
            <source>Type</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="55" />
            <source>Year</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="60" />
            <source>Eerste and Tweede Kamer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="67" />
            <source>yes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="67" />
            <source>no</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="78" />
            <source>Words in common: {words}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="102" />
            <source>Citation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="113" />
            <source>{status}: import it to follow this citation.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="115" />
            <source>Possibly in your library: confirm the right letter, or reject a wrong one.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="122" />
            <source>Kind:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="124" />
            <source>Identifier:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="131" />
            <source>The official publication (opens in your web browser)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="132" />
            <source>Published at:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="136" />
            <source>{label}:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="140" />
            <source>Why:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="150" />
            <source>score {score}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="158" />
            <source>&amp;Confirm link</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="159" />
            <source>&amp;Not this letter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="160" />
            <source>&amp;Open letter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="161" />
            <source>This citation means the selected letter: link it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="162" />
            <source>This citation does not mean the selected letter: stop suggesting it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="163" />
            <source>Read the letter (Back, Alt+Left, returns here)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="167" />
            <source>&amp;Fetch</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="170" />
            <source>Download {id} from the official source (repository.overheid.nl) and import it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="175" />
            <source>Close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="181" />
            <source>&amp;Candidates in your library:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="190" />
            <source>Points to: {letter}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ImportSummaryDialog</name>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="256" />
            <source>Import finished</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="256" />
            <source>Import cancelled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="278" />
            <source>&lt;p&gt;&lt;b&gt;The import was cancelled.&lt;/b&gt; What was imported before stays in the library.&lt;/p&gt;</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/dialogs.py" line="280" />
            <source>%n failed</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="290" />
            <source>Failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="291" />
            <source>Imported</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="292" />
            <source>Updated (annotations re-attached)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="293" />
            <source>Already in the library</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="294" />
            <source>Annotations that could not be re-attached (kept, shown as “Not found in the current text”)</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/dialogs.py" line="302" />
            <source>%n imported</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/dialogs.py" line="308" />
            <source>%n updated</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/dialogs.py" line="310" />
            <source>%n already in the library</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
    </context>
    <context>
        <name>ShortcutsDialog</name>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="325" />
            <source>In the reader: find in this letter; elsewhere: search the library</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="326" />
            <source>Search the library (Down goes to the results, Enter opens the passage)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="327" />
            <source>Next / previous match in this letter (after a library search: its next hit here)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="328" />
            <source>Letter list / reader</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="329" />
            <source>Annotations / themes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="330" />
            <source>Passages by theme across letters (Enter opens one; F2 edits its note)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="331" />
            <source>Shift+arrows, Shift+End</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="331" />
            <source>Select text in the reader</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="332" />
            <source>Tag the selection with that theme (again on the same passage: add or remove the theme)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="333" />
            <source>Write a note on the annotation at the cursor (Escape returns to the reader)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="334" />
            <source>Remove the annotation at the cursor</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="335" />
            <source>Go to the next link in the letter (footnote, citation) and follow it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="336" />
            <source>Back / forward</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="337" />
            <source>Undo / redo</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="338" />
            <source>Clear the search marks in the letter; close a dialog</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="339" />
            <source>Import files / a folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="340" />
            <source>Export a summary</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="341" />
            <source>Menu key, Shift+F10</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="341" />
            <source>Context menu of the reader (tag, note, remove) and of the themes list</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="342" />
            <source>Alt+underlined letter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="342" />
            <source>Open a menu (every command is in a menu; View &gt; Letter list columns)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="343" />
            <source>Next / previous part of the window (the focused part has a blue border)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="344" />
            <source>Quit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="345" />
            <source>This list</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="353" />
            <source>Keyboard shortcuts</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Errors</name>
        <message>
            <location filename="../../../desktop_app/gui/errors.py" line="80" />
            <source>Something went wrong</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/errors.py" line="81" />
            <source>Kamerlezer ran into an unexpected problem ({problem}). Your library is safe; you can keep working. The details below help to report it.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <location filename="../../../desktop_app/gui/export_dialog.py" line="45" />
            <source>Word (.docx)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/export_dialog.py" line="47" />
            <source>CSV (spreadsheet)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/export_dialog.py" line="52" />
            <source>Letters dated on or after this date (inclusive). Type a date (yyyy-mm-dd) or press Up for the earliest letter's date; Delete: any date.
With a date set, letters without a date are left out.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/export_dialog.py" line="57" />
            <source>Letters dated on or before this date (inclusive). Type a date (yyyy-mm-dd) or press Up for the latest letter's date; Delete: any date.
With a date set, letters without a date are left out.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/export_dialog.py" line="133" />
            <source>Export summary</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/export_dialog.py" line="142" />
            <source>All letters</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/export_dialog.py" line="144" />
            <source>Current letter: {title}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/export_dialog.py" line="147" />
            <source>Selected letters ({count})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/export_dialog.py" line="148" />
            <source>Selected letter: {title}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/export_dialog.py" line="154" />
            <source>Check the themes to export (Space checks the current one). A theme includes its sub-themes. With none checked, every passage in the letters is exported.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/export_dialog.py" line="165" />
            <source>Theme, then letter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/export_dialog.py" line="165" />
            <source>Letter, in text order</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/export_dialog.py" line="170" />
            <source>Append the &amp;original letters (PDF)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/export_dialog.py" line="171" />
            <source>&amp;Compact briefing (no cover or contents; PDF, Word)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/export_dialog.py" line="172" />
            <source>A one-line header (title, author, date), then the themes and passages: a short summary fits on one page.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/export_dialog.py" line="176" />
            <source>Named on the cover, in the footer and in the file's properties; remembered.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/export_dialog.py" line="178" />
            <source>The title on the first page and in the PDF's properties; empty: made from what is exported.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/export_dialog.py" line="183" />
            <source>The document's own words (headings, labels, dates); quotes, notes and theme names stay as they are.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/export_dialog.py" line="186" />
            <source>&amp;Browse…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/export_dialog.py" line="190" />
            <source>O&amp;pen when done</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/export_dialog.py" line="199" />
            <source>&amp;until:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/export_dialog.py" line="205" />
            <source>&amp;Letters:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/export_dialog.py" line="206" />
            <source>&amp;Themes:
(sub-themes
included;
none: all)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/export_dialog.py" line="207" />
            <source>Dated &amp;from:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/export_dialog.py" line="208" />
            <source>&amp;Group by:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/export_dialog.py" line="209" />
            <source>Fo&amp;rmat:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/export_dialog.py" line="212" />
            <source>T&amp;itle:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/export_dialog.py" line="213" />
            <source>&amp;Author:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/export_dialog.py" line="214" />
            <source>&amp;Words in:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/export_dialog.py" line="215" />
            <source>&amp;Save as:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/export_dialog.py" line="230" />
            <source>&amp;Export</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/export_dialog.py" line="370" />
            <source>Nothing to export: no annotations in {scope}</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/export_dialog.py" line="380" />
            <source>%n passage(s)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/export_dialog.py" line="381" />
            <source>%n letter(s)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/export_dialog.py" line="382" />
            <source>Will export {passages} from {letters}.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>OptionalDateEdit</name>
        <message>
            <location filename="../../../desktop_app/gui/export_dialog.py" line="76" />
            <source>any</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>FindBar</name>
        <message>
            <location filename="../../../desktop_app/gui/find_bar.py" line="27" />
            <source>Find in this letter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/find_bar.py" line="33" />
            <source>Previous match (Shift+F3)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/find_bar.py" line="34" />
            <source>Next match (F3, Enter)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/find_bar.py" line="35" />
            <source>Close (Escape)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/find_bar.py" line="39" />
            <source>Find:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/find_bar.py" line="108" />
            <source>No matches</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/find_bar.py" line="110" />
            <source>{number} of {total}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LanguageMenu</name>
        <message>
            <location filename="../../../desktop_app/gui/i18n.py" line="36" />
            <source>Kamerlezer will be in English from the next start.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/i18n.py" line="37" />
            <source>Language</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/i18n.py" line="136" />
            <source>&amp;Settings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/i18n.py" line="142" />
            <source>&amp;Language</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LetterTableModel</name>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="198" />
            <source>Ch.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="200" />
            <source>Ann.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/models.py" line="79" />
            <source>Date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/models.py" line="80" />
            <source>Title</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/models.py" line="82" />
            <source>Kamerstuk</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/models.py" line="86" />
            <source>Subject (in italics: a title taken from the text)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/models.py" line="87" />
            <source>Chamber</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/models.py" line="89" />
            <source>Annotations</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="212" />
            <source>&amp;Letter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="215" />
            <source>Passages by &amp;theme</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="226" />
            <source>Annotations</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="227" />
            <source>Themes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="228" />
            <source>References</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="241" />
            <source>Search letters, footnotes and notes   (Ctrl+Shift+F)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="254" />
            <source>Only letters with passages tagged with this theme</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="255" />
            <source>Only letters of this year</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="256" />
            <source>Only letters to this chamber</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="356" />
            <source>&amp;Import files…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="356" />
            <source>Import letters (PDF or text)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="357" />
            <source>Import &amp;folder…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="357" />
            <source>Import every letter in a folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="358" />
            <source>&amp;Export summary…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="358" />
            <source>Export an annotated summary (PDF, Markdown, CSV)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="359" />
            <source>&amp;Rebuild search index</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="359" />
            <source>Rebuild the search index</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="360" />
            <source>&amp;Quit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="361" />
            <source>&amp;Undo</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="363" />
            <source>&amp;Redo</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="369" />
            <source>&amp;Find in letter…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="370" />
            <source>Find in the open letter (Ctrl+F in the reader; elsewhere Ctrl+F searches the library)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="371" />
            <source>&amp;Search the library…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="372" />
            <source>Search every letter, its footnotes and your notes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="373" />
            <source>Find &amp;next</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="374" />
            <source>Next match in this letter (after a library search: the next hit in this letter)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="375" />
            <source>Find pre&amp;vious</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="376" />
            <source>Previous match in this letter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="377" />
            <source>Edit &amp;note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="377" />
            <source>Write a note on the annotation (N in the reader)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="378" />
            <source>&amp;Remove annotation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="379" />
            <source>Remove the annotation at the cursor (Delete in the reader)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="380" />
            <source>Re-&amp;attach to selection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="381" />
            <source>Anchor the selected annotation (e.g. one not found in the current text) to the selected text</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="382" />
            <source>Set &amp;Kamerstuk id…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="383" />
            <source>Record which Kamerstuk this letter is (e.g. kst-28676-472), so citations of it lead here</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="384" />
            <source>&amp;Back</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="384" />
            <source>Back to where you were</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="385" />
            <source>&amp;Forward</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="385" />
            <source>Forward again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="386" />
            <source>Go to &amp;reader</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="387" />
            <source>&amp;Passages by theme</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="388" />
            <source>Every passage of the checked themes across letters, and a themes × letters matrix</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="389" />
            <source>Go to letter &amp;list</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="390" />
            <source>Go to &amp;annotations</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="391" />
            <source>Go to t&amp;hemes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="392" />
            <source>&amp;New theme…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="392" />
            <source>Create a theme</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="393" />
            <source>New &amp;sub-theme…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="393" />
            <source>Create a theme inside the selected one</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="394" />
            <source>&amp;Rename theme…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="394" />
            <source>Rename the selected theme</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="395" />
            <source>&amp;Colour…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="395" />
            <source>Change the selected theme's colour</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="396" />
            <source>&amp;Description…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="397" />
            <source>Describe the selected theme; an exported summary introduces its chapter with this</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="398" />
            <source>&amp;Move to…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="398" />
            <source>Put the selected theme inside another</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="399" />
            <source>Move &amp;up</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="399" />
            <source>Move the theme up among its siblings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="400" />
            <source>Move &amp;down</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="400" />
            <source>Move the theme down among its siblings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="401" />
            <source>Mer&amp;ge into…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="401" />
            <source>Merge the selected theme into another</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="402" />
            <source>&amp;Delete theme…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="402" />
            <source>Delete the selected theme</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="403" />
            <source>&amp;Keyboard shortcuts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="404" />
            <source>&amp;About Kamerlezer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="411" />
            <source>&amp;File</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="419" />
            <source>&amp;Edit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="427" />
            <source>&amp;Tag selection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="433" />
            <source>&amp;Themes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="438" />
            <source>Set &amp;key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="441" />
            <source>&amp;View</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="444" />
            <source>Letter list &amp;columns</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="454" />
            <source>&amp;Go</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="457" />
            <source>&amp;Help</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="462" />
            <source>Main</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="475" />
            <source>Undo</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="475" />
            <source>Undo the last change (Ctrl+Z)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="476" />
            <source>Redo</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="476" />
            <source>Redo (Ctrl+Shift+Z)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="484" />
            <source>Tag</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="486" />
            <source>Tag the selected text with a theme (keys 1–9)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="616" />
            <source>All years</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="617" />
            <source>All chambers</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/main_window.py" line="633" />
            <source>%n letter(s)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/main_window.py" line="633" />
            <source>{shown} of %n letter(s)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="747" />
            <source>No letter open</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="749" />
            <source>Choose a letter on the left, or search the library with Ctrl+Shift+F.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/main_window.py" line="756" />
            <source>%n page(s)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="770" />
            <source>The {note}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="817" />
            <source>Footnote {number}. Back (Alt+Left) returns to the text.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="836" />
            <source>Followed “{citation}”. Back: Alt+Left.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="860" />
            <source>letter {number}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="865" />
            <source>Link confirmed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="868" />
            <source>Suggestion rejected.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="960" />
            <source>Search hit {number} of {total} in this letter (F3: next).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="1032" />
            <source>Search</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="1036" />
            <source>Searching…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="1047" />
            <source>No letters match “{query}”.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="1050" />
            <source> (showing {count})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="1052" />
            <source>{letters}, {matches}{more} · {ms} ms</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/main_window.py" line="1053" />
            <source>%n match(es)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="1138" />
            <source>Select a passage first, then press a theme key (1–9).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="1147" />
            <source>No theme has key {number}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="1186" />
            <source>Put the cursor in an annotation (or tag a passage) to write a note.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="1197" />
            <source>Annotation removed. Ctrl+Z brings it back.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="1203" />
            <source>Select the annotation in the Annotations panel and the new text in the letter.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="1211" />
            <source>Kamerstuk id</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="1211" />
            <source>This letter is Kamerstuk (e.g. kst-28676-472 or “28 676, nr. 472”; empty clears):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="1221" />
            <source>References updated.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="1251" />
            <source>Page {page} of {pages}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="1252" />
            <source>Page {page}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="1279" />
            <source>Undone: {what}. Redo: Ctrl+Shift+Z.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="1283" />
            <source>{done}. Undo: Ctrl+Z.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="1298" />
            <source>All themes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="1309" />
            <source>Select a theme in the Themes panel first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="1324" />
            <source>New theme</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="1324" />
            <source>Name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="1342" />
            <source>Added theme “{name}”; key {key} tags a selection with it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="1344" />
            <source>Added theme “{name}”; give it a key with Themes &gt; Set key.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="1353" />
            <source>Select a theme first</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="1364" />
            <source>&amp;No key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="1377" />
            <source>New sub-theme</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="1377" />
            <source>Name (inside “{name}”):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="1385" />
            <source>Rename theme</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="1394" />
            <source>Describe theme</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="1395" />
            <source>What “{name}” is about (introduces its chapter in an export):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="1411" />
            <source>Colour of “{name}”</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="1417" />
            <source>(top level)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="1433" />
            <source>Move theme</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="1433" />
            <source>Put “{name}” inside:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="1466" />
            <source>Merge theme</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="1466" />
            <source>Merge “{name}” into:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="1472" />
            <source>Merge themes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="1473" />
            <source>Merge “{name}” into “{target}”?</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/main_window.py" line="1474" />
            <source>%n annotation(s) and the sub-themes of “{name}” move to “{target}”; then “{name}” is deleted. Edit &gt; Undo reverses this.</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="1476" />
            <source>&amp;Merge</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/main_window.py" line="1488" />
            <source>%n annotation(s) use(s) it. The annotations are kept; they only lose this theme.</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/main_window.py" line="1493" />
            <source>Its %n sub-theme(s) ({names}) move(s) up into “{parent}”.</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/main_window.py" line="1495" />
            <source>Its %n sub-theme(s) ({names}) move(s) up to the top level.</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="1497" />
            <source>Edit &gt; Undo brings it all back.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="1499" />
            <source>Delete theme</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="1499" />
            <source>Delete the theme “{name}”?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="1500" />
            <source>&amp;Delete theme</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="1530" />
            <source>Import letters</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="1531" />
            <source>Letters ({patterns});;All files (*)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="1537" />
            <source>Import a folder of letters</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="1562" />
            <source>Importing letters</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="1564" />
            <source>Importing…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="1575" />
            <source>The password was wrong. </source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="1576" />
            <source>Password for {file}:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="1578" />
            <source>Encrypted PDF</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="1595" />
            <source>Fetching from the official source</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="1596" />
            <source>Fetching {what}…</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/main_window.py" line="1603" />
            <source>%n fetched</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/main_window.py" line="1603" />
            <source>%n citation(s) now point(s) at them</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="1607" />
            <source>not found: {what}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="1608" />
            <source>Fetch: {outcome}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="1637" />
            <source>Import: {counts}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="1654" />
            <source>Cancelled.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="1665" />
            <source>Rebuilding the search index</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/main_window.py" line="1669" />
            <source>Search index rebuilt: %n letter(s).</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="1716" />
            <source>Exporting summary</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/main_window.py" line="1724" />
            <source>Exported %n passage(s) to {path}</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="1729" />
            <source>Export finished with warnings</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/main_window.py" line="1730" />
            <source>Exported %n passage(s) to {path}, but:</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="1748" />
            <source>About Kamerlezer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="1753" />
            <source>&lt;p&gt;Read, search, annotate and cross-reference Dutch parliamentary letters.&lt;/p&gt;&lt;p&gt;Library: {folder}&lt;br&gt;Qt {qt} · Python {python}&lt;/p&gt;</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/main_window.py" line="1764" />
            <source>Library: {folder} · %n letter(s)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
    </context>
    <context>
        <name>Models</name>
        <message>
            <location filename="../../../desktop_app/gui/models.py" line="52" />
            <source>title taken from the text: the letter has no subject</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/models.py" line="53" />
            <source>inferred from a citation, not confirmed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/models.py" line="71" />
            <source>no date</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/models.py" line="354" />
            <source>%n match(es)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/models.py" line="355" />
            <source>Untitled letter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/models.py" line="371" />
            <source>Footnote</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/models.py" line="372" />
            <source>Note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/models.py" line="373" />
            <source>Subject</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ThemeTreeModel</name>
        <message>
            <location filename="../../../desktop_app/gui/models.py" line="429" />
            <source>Theme</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/models.py" line="430" />
            <source>Key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/models.py" line="431" />
            <source>Passages</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/models.py" line="495" />
            <source>Press this key in the reader to tag the selected text</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/models.py" line="526" />
            <source>Key {number} tags the selected text</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>AnnotationListModel</name>
        <message>
            <location filename="../../../desktop_app/gui/models.py" line="648" />
            <source>Not found in the current text</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/models.py" line="649" />
            <source>select its new place, then Edit &gt; Re-attach</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/models.py" line="650" />
            <source>No theme</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>AnnotationsPanel</name>
        <message>
            <location filename="../../../desktop_app/gui/panels.py" line="124" />
            <source>No annotations yet. Select text in the letter and press 1–9 to tag it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/panels.py" line="127" />
            <source>Note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/panels.py" line="131" />
            <source>Select an annotation to write a note…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/panels.py" line="138" />
            <source>Remove</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/panels.py" line="139" />
            <source>Remove the selected annotation (Delete in the reader)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ThemesPanel</name>
        <message>
            <location filename="../../../desktop_app/gui/panels.py" line="264" />
            <source>Select text in the letter, then press a theme's key (1–9).</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ReferencesPanel</name>
        <message>
            <location filename="../../../desktop_app/gui/panels.py" line="305" />
            <source>Cites</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/panels.py" line="306" />
            <source>Cited by</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/panels.py" line="322" />
            <source>footnote {number}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/panels.py" line="324" />
            <source>the text</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/panels.py" line="328" />
            <source>in {place}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/panels.py" line="334" />
            <source>as “{citation}”</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/panels.py" line="336" />
            <source>cites this letter as “{citation}”</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/panels.py" line="338" />
            <source>Cites ({count})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/panels.py" line="339" />
            <source>Cited by ({count})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/panels.py" line="355" />
            <source>in library</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/panels.py" line="357" />
            <source>suggested</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/panels.py" line="359" />
            <source>not in library</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/panels.py" line="361" />
            <source>external</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PassageTableModel</name>
        <message>
            <location filename="../../../desktop_app/gui/passages.py" line="59" />
            <source>Letter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/passages.py" line="60" />
            <source>Passage</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/passages.py" line="61" />
            <source>Note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/passages.py" line="62" />
            <source>Themes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/passages.py" line="97" />
            <source>not found in the text</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/passages.py" line="99" />
            <source>p. {page}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ThemeLetterMatrixModel</name>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/passages.py" line="196" />
            <source>{theme} in {letter}: %n passage(s)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
    </context>
    <context>
        <name>PassagesView</name>
        <message>
            <location filename="../../../desktop_app/gui/passages.py" line="215" />
            <source>Check the themes whose passages you want to see; a theme includes its sub-themes.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/passages.py" line="219" />
            <source>By date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/passages.py" line="220" />
            <source>By letter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/passages.py" line="223" />
            <source>Filter on passage, note or letter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/passages.py" line="227" />
            <source>&amp;Export…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/passages.py" line="228" />
            <source>Export the passages of the checked themes (Ctrl+E)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/passages.py" line="231" />
            <source>Show all letters</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/passages.py" line="265" />
            <source>Passages per theme and letter (a theme counts its sub-themes). Enter or double-click shows that theme's passages in that letter.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/passages.py" line="273" />
            <source>&amp;Year</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/passages.py" line="273" />
            <source>C&amp;hamber</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/passages.py" line="273" />
            <source>&amp;Order</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/passages.py" line="274" />
            <source>{label}:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/passages.py" line="292" />
            <source>&amp;Passages</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/passages.py" line="293" />
            <source>&amp;Matrix: themes × letters</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/passages.py" line="299" />
            <source>&amp;Themes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/passages.py" line="372" />
            <source>All years</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/passages.py" line="373" />
            <source>All chambers</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/passages.py" line="409" />
            <source>{shown} of %n passage(s)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/passages.py" line="411" />
            <source>%n passage(s)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/passages.py" line="415" />
            <source>Only in: {title}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ReaderView</name>
        <message>
            <location filename="../../../desktop_app/gui/reader.py" line="198" />
            <source>Footnotes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/reader.py" line="523" />
            <source>No theme</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/reader.py" line="631" />
            <source>In your library</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/reader.py" line="632" />
            <source>In your library (confirmed by you)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/reader.py" line="633" />
            <source>Possible match in your library: click to confirm or reject</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/reader.py" line="634" />
            <source>Not in your library</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/reader.py" line="635" />
            <source>Outside the letters (e.g. an EU document)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TaskHandle</name>
        <message>
            <location filename="../../../desktop_app/gui/tasks.py" line="105" />
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../../desktop_app/gui/tasks.py" line="122" />
            <source>Cancelling…</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ThemeCheckTree</name>
        <message>
            <location filename="../../../desktop_app/gui/theme_check_tree.py" line="96" />
            <source>Included with {theme}</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
