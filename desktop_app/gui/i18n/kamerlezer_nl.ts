<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL" sourcelanguage="en">
    <context>
        <name>LibraryController</name>
        <message>
            <location filename="../../../desktop_app/gui/controller.py" line="63" />
            <source>Backup</source>
            <translation>Back-up</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/controller.py" line="72" />
            <source>No backup was made: {reason}</source>
            <translation>Er is geen back-up gemaakt: {reason}</translation>
        </message>
    </context>
    <context>
        <name>CitationDialog</name>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="43" />
            <source>Dossier</source>
            <translation>Dossier</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="44" />
            <source>Toevoeging</source>
            <translation>Toevoeging</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="45" />
            <source>Ondernummer</source>
            <translation>Ondernummer</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="46" />
            <source>Number</source>
            <translation>Nummer</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="47" />
            <source>Numbers</source>
            <translation>Nummers</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="48" />
            <source>Also dossiers</source>
            <translation>Ook dossiers</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="49" />
            <source>Whole dossier</source>
            <translation>Heel dossier</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="50" />
            <source>Vergaderjaar</source>
            <translation>Vergaderjaar</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="51" />
            <source>Chamber</source>
            <translation>Kamer</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="52" />
            <source>Date</source>
            <translation>Datum</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="53" />
            <source>Page</source>
            <translation>Pagina</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="54" />
            <source>Item</source>
            <translation>Onderdeel</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="55" />
            <source>Type</source>
            <translation>Soort</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="56" />
            <source>Year</source>
            <translation>Jaar</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="61" />
            <source>Eerste and Tweede Kamer</source>
            <translation>Eerste en Tweede Kamer</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="68" />
            <source>yes</source>
            <translation>ja</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="68" />
            <source>no</source>
            <translation>nee</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="81" />
            <source>Words in common: {words}</source>
            <translation>Gemeenschappelijke woorden: {words}</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="89" />
            <source>similar content</source>
            <translation>vergelijkbare inhoud</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="90" />
            <source>no identifier to look for</source>
            <translation>geen identificatie om naar te zoeken</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="91" />
            <source>no letter in the library matches</source>
            <translation>geen brief in de bibliotheek komt overeen</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="92" />
            <source>confirmed by you as {name}</source>
            <translation>door u bevestigd als {name}</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="94" />
            <source>the letter's own id ({name} names itself)</source>
            <translation>het eigen nummer van de brief ({name} noemt zichzelf)</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="96" />
            <source>{name}: not a letter, cannot be in the library</source>
            <translation>{name}: geen brief, kan niet in de bibliotheek staan</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="97" />
            <source>own Kamerstuk id of {name}</source>
            <translation>eigen Kamerstuknummer van {name}</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="98" />
            <source>the only letter dated {name}</source>
            <translation>de enige brief gedateerd {name}</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="100" />
            <source>same document as cited elsewhere ({name})</source>
            <translation>hetzelfde stuk als elders aangehaald ({name})</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="136" />
            <source>Citation</source>
            <translation>Verwijzing</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="147" />
            <source>{status}: import it to follow this citation.</source>
            <translation>{status}: importeer het stuk om deze verwijzing te volgen.</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="149" />
            <source>Possibly in your library: confirm the right letter, or reject a wrong one.</source>
            <translation>Mogelijk in uw bibliotheek: bevestig de juiste brief of wijs een onjuiste af.</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="156" />
            <source>Kind:</source>
            <translation>Soort:</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="158" />
            <source>Identifier:</source>
            <translation>Identificatie:</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="165" />
            <source>The official publication (opens in your web browser)</source>
            <translation>De officiële publicatie (opent in uw webbrowser)</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="166" />
            <source>Published at:</source>
            <translation>Gepubliceerd op:</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="170" />
            <source>{label}:</source>
            <translation>{label}:</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="175" />
            <source>Why:</source>
            <translation>Reden:</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="185" />
            <source>score {score}</source>
            <translation>score {score}</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="193" />
            <source>&amp;Confirm link</source>
            <translation>&amp;Bevestigen</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="194" />
            <source>&amp;Not this letter</source>
            <translation>&amp;Niet deze brief</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="195" />
            <source>&amp;Open letter</source>
            <translation>Brief &amp;openen</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="196" />
            <source>This citation means the selected letter: link it</source>
            <translation>Deze verwijzing betreft de geselecteerde brief: koppelen</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="197" />
            <source>This citation does not mean the selected letter: stop suggesting it</source>
            <translation>Deze verwijzing betreft niet de geselecteerde brief: niet meer voorstellen</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="198" />
            <source>Read the letter (Back, Alt+Left, returns here)</source>
            <translation>De brief lezen (Terug, Alt+Pijl links, keert hier terug)</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="202" />
            <source>&amp;Fetch</source>
            <translation>&amp;Ophalen</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="205" />
            <source>Download {id} from the official source (repository.overheid.nl) and import it</source>
            <translation>{id} downloaden uit de officiële bron (repository.overheid.nl) en importeren</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="210" />
            <source>Close</source>
            <translation>Sluiten</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="217" />
            <source>&amp;Candidates in your library:</source>
            <translation>&amp;Kandidaten in uw bibliotheek:</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="226" />
            <source>Points to: {letter}</source>
            <translation>Verwijst naar: {letter}</translation>
        </message>
    </context>
    <context>
        <name>ImportSummaryDialog</name>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="292" />
            <source>Import finished</source>
            <translation>Importeren voltooid</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="292" />
            <source>Import cancelled</source>
            <translation>Importeren geannuleerd</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="315" />
            <source>&lt;p&gt;&lt;b&gt;The import was cancelled.&lt;/b&gt; What was imported before stays in the library.&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;Het importeren is geannuleerd.&lt;/b&gt; Wat al was geïmporteerd, blijft in de bibliotheek.&lt;/p&gt;</translation>
        </message>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/dialogs.py" line="317" />
            <source>%n failed</source>
            <translation>
                <numerusform>%n mislukt</numerusform>
                <numerusform>%n mislukt</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="327" />
            <source>Failed</source>
            <translation>Mislukt</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="328" />
            <source>Imported</source>
            <translation>Geïmporteerd</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="329" />
            <source>Updated (annotations re-attached)</source>
            <translation>Bijgewerkt (annotaties opnieuw gekoppeld)</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="330" />
            <source>Already in the library</source>
            <translation>Al in de bibliotheek</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="331" />
            <source>Warnings</source>
            <translation>Waarschuwingen</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="333" />
            <source>Annotations that could not be re-attached (kept, shown as “Not found in the current text”)</source>
            <translation>Annotaties die niet opnieuw gekoppeld konden worden (bewaard, getoond als “Niet gevonden in de huidige tekst”)</translation>
        </message>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/dialogs.py" line="341" />
            <source>%n imported</source>
            <translation>
                <numerusform>%n geïmporteerd</numerusform>
                <numerusform>%n geïmporteerd</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/dialogs.py" line="347" />
            <source>%n updated</source>
            <translation>
                <numerusform>%n bijgewerkt</numerusform>
                <numerusform>%n bijgewerkt</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/dialogs.py" line="349" />
            <source>%n already in the library</source>
            <translation>
                <numerusform>%n al in de bibliotheek</numerusform>
                <numerusform>%n al in de bibliotheek</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ShortcutsDialog</name>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="364" />
            <source>In the reader: find in this letter; elsewhere: search the library</source>
            <translation>In de lezer: zoeken in deze brief; elders: de bibliotheek doorzoeken</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="365" />
            <source>Search the library (Down goes to the results, Enter opens the passage)</source>
            <translation>De bibliotheek doorzoeken (Omlaag gaat naar de resultaten, Enter opent de passage)</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="366" />
            <source>Next / previous match in this letter (after a library search: its next hit here)</source>
            <translation>Volgende / vorige treffer in deze brief (na zoeken in de bibliotheek: de volgende treffer hier)</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="367" />
            <source>Letter list / reader</source>
            <translation>Brievenlijst / lezer</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="368" />
            <source>Annotations / themes</source>
            <translation>Annotaties / thema’s</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="369" />
            <source>Passages by theme across letters (Enter opens one; F2 edits its note)</source>
            <translation>Passages per thema in alle brieven (Enter opent er een; F2 bewerkt de notitie)</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="370" />
            <source>Missing documents: cited but not in the library (Enter opens the citation; Fetch brings it)</source>
            <translation>Ontbrekende documenten: aangehaald maar niet in de bibliotheek (Enter opent de verwijzing; Ophalen haalt het stuk op)</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="371" />
            <source>Shift+arrows, Shift+End</source>
            <translation>Shift+pijltoetsen, Shift+End</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="371" />
            <source>Select text in the reader</source>
            <translation>Tekst selecteren in de lezer</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="372" />
            <source>Tag the selection with that theme (again on the same passage: add or remove the theme)</source>
            <translation>De selectie met dat thema markeren (nogmaals op dezelfde passage: het thema toevoegen of weghalen)</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="373" />
            <source>Write a note on the annotation at the cursor (Escape returns to the reader)</source>
            <translation>Een notitie schrijven bij de annotatie bij de cursor (Escape keert terug naar de lezer)</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="374" />
            <source>Remove the annotation at the cursor</source>
            <translation>De annotatie bij de cursor verwijderen</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="375" />
            <source>Go to the next link in the letter (footnote, citation) and follow it</source>
            <translation>Naar de volgende koppeling in de brief (voetnoot, verwijzing) gaan en die volgen</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="376" />
            <source>Alt+Left / Alt+Right</source>
            <translation>Alt+Pijl links / Alt+Pijl rechts</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="376" />
            <source>Back / forward</source>
            <translation>Terug / vooruit</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="377" />
            <source>Undo / redo</source>
            <translation>Ongedaan maken / opnieuw</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="378" />
            <source>Clear the search marks in the letter; close a dialog</source>
            <translation>De zoekmarkeringen in de brief wissen; een venster sluiten</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="379" />
            <source>Import files / a folder</source>
            <translation>Bestanden / een map importeren</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="380" />
            <source>Export a summary</source>
            <translation>Een samenvatting exporteren</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="381" />
            <source>Menu key, Shift+F10</source>
            <translation>Menutoets, Shift+F10</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="381" />
            <source>Context menu of the reader (tag, note, remove) and of the themes list</source>
            <translation>Contextmenu van de lezer (markeren, notitie, verwijderen) en van de themalijst</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="382" />
            <source>Alt+underlined letter</source>
            <translation>Alt+onderstreepte letter</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="382" />
            <source>Open a menu (every command is in a menu; View &gt; Letter list columns)</source>
            <translation>Een menu openen (elke opdracht staat in een menu; Beeld &gt; Kolommen van de brievenlijst)</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="383" />
            <source>Next / previous part of the window (the focused part has a blue border)</source>
            <translation>Volgende / vorige deel van het venster (het actieve deel heeft een blauwe rand)</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="384" />
            <source>Quit</source>
            <translation>Afsluiten</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="385" />
            <source>This list</source>
            <translation>Deze lijst</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/dialogs.py" line="393" />
            <source>Keyboard shortcuts</source>
            <translation>Sneltoetsen</translation>
        </message>
    </context>
    <context>
        <name>Errors</name>
        <message>
            <location filename="../../../desktop_app/gui/errors.py" line="80" />
            <source>Something went wrong</source>
            <translation>Er is iets misgegaan</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/errors.py" line="81" />
            <source>Kamerlezer ran into an unexpected problem ({problem}). Your library is safe; you can keep working. The details below help to report it.</source>
            <translation>Kamerlezer stuitte op een onverwacht probleem ({problem}). Uw bibliotheek is veilig; u kunt doorwerken. Met de details hieronder kunt u het probleem melden.</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <location filename="../../../desktop_app/gui/export_dialog.py" line="46" />
            <source>Word (.docx)</source>
            <translation>Word (.docx)</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/export_dialog.py" line="48" />
            <source>CSV (spreadsheet)</source>
            <translation>CSV (spreadsheet)</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/export_dialog.py" line="53" />
            <source>Letters dated on or after this date (inclusive). Type a date (yyyy-mm-dd) or press Up for the earliest letter's date; Delete: any date.
With a date set, letters without a date are left out.</source>
            <translation>Brieven gedateerd op of na deze datum. Typ een datum (jjjj-mm-dd) of druk op Omhoog voor de datum van de oudste brief; Delete: elke datum.
Met een datum vallen brieven zonder datum af.</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/export_dialog.py" line="58" />
            <source>Letters dated on or before this date (inclusive). Type a date (yyyy-mm-dd) or press Up for the latest letter's date; Delete: any date.
With a date set, letters without a date are left out.</source>
            <translation>Brieven gedateerd op of vóór deze datum. Typ een datum (jjjj-mm-dd) of druk op Omhoog voor de datum van de nieuwste brief; Delete: elke datum.
Met een datum vallen brieven zonder datum af.</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/export_dialog.py" line="134" />
            <source>Export summary</source>
            <translation>Samenvatting exporteren</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/export_dialog.py" line="143" />
            <source>All letters</source>
            <translation>Alle brieven</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/export_dialog.py" line="145" />
            <source>Current letter: {title}</source>
            <translation>Huidige brief: {title}</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/export_dialog.py" line="148" />
            <source>Selected letters ({count})</source>
            <translation>Geselecteerde brieven ({count})</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/export_dialog.py" line="149" />
            <source>Selected letter: {title}</source>
            <translation>Geselecteerde brief: {title}</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/export_dialog.py" line="155" />
            <source>Check the themes to export (Space checks the current one). A theme includes its sub-themes. With none checked, every passage in the letters is exported.</source>
            <translation>Vink de thema’s aan die u wilt exporteren (Spatie vinkt het huidige aan). Een thema omvat zijn subthema’s. Zonder vinkje wordt elke passage in de brieven geëxporteerd.</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/export_dialog.py" line="166" />
            <source>Theme, then letter</source>
            <translation>Per thema, dan per brief</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/export_dialog.py" line="166" />
            <source>Letter, in text order</source>
            <translation>Per brief, in tekstvolgorde</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/export_dialog.py" line="171" />
            <source>Append the &amp;original letters (PDF)</source>
            <translation>&amp;Originele brieven toevoegen (PDF)</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/export_dialog.py" line="172" />
            <source>&amp;Compact briefing (no cover or contents; PDF, Word)</source>
            <translation>&amp;Beknopt overzicht (zonder voorblad of inhoudsopgave; PDF, Word)</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/export_dialog.py" line="173" />
            <source>A one-line header (title, author, date), then the themes and passages: a short summary fits on one page.</source>
            <translation>Eén kopregel (titel, auteur, datum), dan de thema’s en passages: een korte samenvatting past op één pagina.</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/export_dialog.py" line="177" />
            <source>Named on the cover, in the footer and in the file's properties; remembered.</source>
            <translation>Vermeld op het voorblad, in de voettekst en in de eigenschappen van het bestand; wordt onthouden.</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/export_dialog.py" line="179" />
            <source>The title on the first page and in the PDF's properties; empty: made from what is exported.</source>
            <translation>De titel op de eerste pagina en in de eigenschappen van de PDF; leeg: afgeleid van wat wordt geëxporteerd.</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/export_dialog.py" line="184" />
            <source>The document's own words (headings, labels, dates); quotes, notes and theme names stay as they are.</source>
            <translation>De woorden van het document zelf (koppen, labels, datums); citaten, notities en themanamen blijven zoals ze zijn.</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/export_dialog.py" line="187" />
            <source>&amp;Browse…</source>
            <translation>&amp;Bladeren…</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/export_dialog.py" line="191" />
            <source>O&amp;pen when done</source>
            <translation>O&amp;penen na afloop</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/export_dialog.py" line="200" />
            <source>&amp;until:</source>
            <translation>&amp;tot en met:</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/export_dialog.py" line="206" />
            <source>&amp;Letters:</source>
            <translation>&amp;Brieven:</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/export_dialog.py" line="207" />
            <source>&amp;Themes:
(sub-themes
included;
none: all)</source>
            <translation>&amp;Thema’s:
(inclusief
subthema’s;
geen: alle)</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/export_dialog.py" line="208" />
            <source>Dated &amp;from:</source>
            <translation>Gedateerd &amp;van:</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/export_dialog.py" line="209" />
            <source>&amp;Group by:</source>
            <translation>&amp;Ordenen op:</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/export_dialog.py" line="210" />
            <source>Fo&amp;rmat:</source>
            <translation>Bestands&amp;type:</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/export_dialog.py" line="213" />
            <source>T&amp;itle:</source>
            <translation>T&amp;itel:</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/export_dialog.py" line="214" />
            <source>&amp;Author:</source>
            <translation>&amp;Auteur:</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/export_dialog.py" line="215" />
            <source>&amp;Words in:</source>
            <translation>Ta&amp;al:</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/export_dialog.py" line="216" />
            <source>&amp;Save as:</source>
            <translation>Op&amp;slaan als:</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/export_dialog.py" line="232" />
            <source>&amp;Export</source>
            <translation>&amp;Exporteren</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/export_dialog.py" line="372" />
            <source>Nothing to export: no annotations in {scope}</source>
            <translation>Niets te exporteren: geen annotaties in {scope}</translation>
        </message>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/export_dialog.py" line="380" />
            <source>%n passage(s)</source>
            <translation>
                <numerusform>%n passage</numerusform>
                <numerusform>%n passages</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/export_dialog.py" line="381" />
            <source>%n letter(s)</source>
            <translation>
                <numerusform>%n brief</numerusform>
                <numerusform>%n brieven</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/export_dialog.py" line="382" />
            <source>Will export {passages} from {letters}.</source>
            <translation>Exporteert {passages} uit {letters}.</translation>
        </message>
    </context>
    <context>
        <name>OptionalDateEdit</name>
        <message>
            <location filename="../../../desktop_app/gui/export_dialog.py" line="77" />
            <source>any</source>
            <translation>elke</translation>
        </message>
    </context>
    <context>
        <name>FindBar</name>
        <message>
            <location filename="../../../desktop_app/gui/find_bar.py" line="27" />
            <source>Find in this letter</source>
            <translation>Zoeken in deze brief</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/find_bar.py" line="33" />
            <source>Previous match (Shift+F3)</source>
            <translation>Vorige treffer (Shift+F3)</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/find_bar.py" line="34" />
            <source>Next match (F3, Enter)</source>
            <translation>Volgende treffer (F3, Enter)</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/find_bar.py" line="35" />
            <source>Close (Escape)</source>
            <translation>Sluiten (Escape)</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/find_bar.py" line="39" />
            <source>Find:</source>
            <translation>Zoeken:</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/find_bar.py" line="108" />
            <source>No matches</source>
            <translation>Geen treffers</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/find_bar.py" line="110" />
            <source>{number} of {total}</source>
            <translation>{number} van {total}</translation>
        </message>
    </context>
    <context>
        <name>History</name>
        <message>
            <location filename="../../../desktop_app/gui/history.py" line="31" />
            <source> (interrupted)</source>
            <translation> (onderbroken)</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/history.py" line="90" />
            <source>{done}. Undo: Ctrl+Z.</source>
            <translation>{done}. Ongedaan maken: Ctrl+Z.</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/history.py" line="114" />
            <source>Undone: {what}. Redo: Ctrl+Shift+Z.</source>
            <translation>Ongedaan gemaakt: {what}. Opnieuw: Ctrl+Shift+Z.</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/history.py" line="116" />
            <source>Redone: {what}. Undo: Ctrl+Z.</source>
            <translation>Opnieuw gedaan: {what}. Ongedaan maken: Ctrl+Z.</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/labels.py" line="22" />
            <source>Tagged {0} with {1}</source>
            <translation>{0} getagd met {1}</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/labels.py" line="23" />
            <source>Untagged {0} ({1})</source>
            <translation>Tag van {0} verwijderd ({1})</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/labels.py" line="24" />
            <source>Retagged {0}</source>
            <translation>Thema's van {0} gewijzigd</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/labels.py" line="25" />
            <source>Edited the note on {0}</source>
            <translation>Notitie bij {0} bewerkt</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/labels.py" line="26" />
            <source>Annotated {0}</source>
            <translation>{0} geannoteerd</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/labels.py" line="27" />
            <source>Deleted the annotation {0}</source>
            <translation>Annotatie {0} verwijderd</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/labels.py" line="28" />
            <source>Restored the annotation {0}</source>
            <translation>Annotatie {0} hersteld</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/labels.py" line="29" />
            <source>Re-attached {0}</source>
            <translation>{0} opnieuw verankerd</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/labels.py" line="30" />
            <source>Added the theme {0}</source>
            <translation>Thema {0} toegevoegd</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/labels.py" line="31" />
            <source>Renamed {0} to {1}</source>
            <translation>{0} hernoemd tot {1}</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/labels.py" line="32" />
            <source>Recoloured {0}</source>
            <translation>Kleur van {0} gewijzigd</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/labels.py" line="33" />
            <source>Described {0}</source>
            <translation>Beschrijving van {0} gewijzigd</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/labels.py" line="34" />
            <source>Moved {0}</source>
            <translation>{0} verplaatst</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/labels.py" line="35" />
            <source>Merged {0} into {1}</source>
            <translation>{0} samengevoegd met {1}</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/labels.py" line="36" />
            <source>Deleted the theme {0}</source>
            <translation>Thema {0} verwijderd</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/labels.py" line="37" />
            <source>Restored the theme {0}</source>
            <translation>Thema {0} hersteld</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/labels.py" line="38" />
            <source>Gave {0} the key {1} ({2} has none)</source>
            <translation>{0} kreeg toets {1} ({2} heeft er geen meer)</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/labels.py" line="39" />
            <source>Gave {0} the key {1}</source>
            <translation>{0} kreeg toets {1}</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/labels.py" line="40" />
            <source>Took the key off {0}</source>
            <translation>Toets van {0} verwijderd</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/labels.py" line="41" />
            <source>Set the Kamerstuk id of {0} to {1}</source>
            <translation>Kamerstuknummer van {0} ingesteld op {1}</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/labels.py" line="42" />
            <source>Cleared the Kamerstuk id of {0}</source>
            <translation>Kamerstuknummer van {0} gewist</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/labels.py" line="43" />
            <source>Rejected {0} as the id of {1}</source>
            <translation>{0} afgewezen als nummer van {1}</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/labels.py" line="44" />
            <source>Deleted the letter {0}</source>
            <translation>Brief {0} verwijderd</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/labels.py" line="45" />
            <source>Linked citation #{0} {1} to {2}</source>
            <translation>Verwijzing #{0} {1} gekoppeld aan {2}</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/labels.py" line="46" />
            <source>Rejected {0} for citation #{1} {2}</source>
            <translation>{0} afgewezen voor verwijzing #{1} {2}</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/labels.py" line="47" />
            <source>Imported {0} letters</source>
            <translation>{0} brieven geïmporteerd</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/labels.py" line="48" />
            <source>Re-imported {0} letters</source>
            <translation>{0} brieven opnieuw geïmporteerd</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/labels.py" line="49" />
            <source>Imported letters</source>
            <translation>Brieven geïmporteerd</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/labels.py" line="50" />
            <source>Imported {0}</source>
            <translation>{0} geïmporteerd</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/labels.py" line="51" />
            <source>Re-imported {0}</source>
            <translation>{0} opnieuw geïmporteerd</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/labels.py" line="52" />
            <source>Followed dossier {0}</source>
            <translation>Dossier {0} gevolgd</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/labels.py" line="53" />
            <source>Stopped following dossier {0}</source>
            <translation>Dossier {0} niet meer gevolgd</translation>
        </message>
    </context>
    <context>
        <name>LanguageMenu</name>
        <message>
            <location filename="../../../desktop_app/gui/i18n.py" line="50" />
            <source>Kamerlezer will be in English from the next start.</source>
            <translation>Kamerlezer is vanaf de volgende start in het Nederlands.</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/i18n.py" line="51" />
            <source>Language</source>
            <translation>Taal</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/i18n.py" line="178" />
            <source>&amp;Settings</source>
            <translation>&amp;Instellingen</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/i18n.py" line="184" />
            <source>&amp;Language</source>
            <translation>&amp;Taal</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/i18n.py" line="254" />
            <source>Kamerlezer is now in English.</source>
            <translation>Kamerlezer is nu in het Nederlands.</translation>
        </message>
    </context>
    <context>
        <name>LetterTableModel</name>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="193" />
            <source>Ch.</source>
            <translation>Kamer</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="195" />
            <source>Ann.</source>
            <translation>Ann.</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/models.py" line="79" />
            <source>Date</source>
            <translation>Datum</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/models.py" line="80" />
            <source>Title</source>
            <translation>Titel</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/models.py" line="82" />
            <source>Kamerstuk</source>
            <translation>Kamerstuk</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/models.py" line="86" />
            <source>Subject (in italics: a title taken from the text)</source>
            <translation>Onderwerp (cursief: een titel uit de tekst)</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/models.py" line="87" />
            <source>Chamber</source>
            <translation>Kamer</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/models.py" line="89" />
            <source>Annotations</source>
            <translation>Annotaties</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="207" />
            <source>&amp;Letter</source>
            <translation>&amp;Brief</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="210" />
            <source>Passages by &amp;theme</source>
            <translation>Passages per &amp;thema</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="221" />
            <source>Annotations</source>
            <translation>Annotaties</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="222" />
            <source>Themes</source>
            <translation>Thema’s</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="223" />
            <source>References</source>
            <translation>Verwijzingen</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="236" />
            <source>Search letters, footnotes and notes   (Ctrl+Shift+F)</source>
            <translation>Zoeken in brieven, voetnoten en notities   (Ctrl+Shift+F)</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="249" />
            <source>Only letters with passages tagged with this theme</source>
            <translation>Alleen brieven met passages gemarkeerd met dit thema</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="250" />
            <source>Only letters of this year</source>
            <translation>Alleen brieven uit dit jaar</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="251" />
            <source>Only letters to this chamber</source>
            <translation>Alleen brieven aan deze Kamer</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="350" />
            <source>&amp;Import files…</source>
            <translation>Bestanden &amp;importeren…</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="350" />
            <source>Import letters (PDF or text)</source>
            <translation>Brieven importeren (PDF of tekst)</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="351" />
            <source>Import &amp;folder…</source>
            <translation>&amp;Map importeren…</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="351" />
            <source>Import every letter in a folder</source>
            <translation>Alle brieven in een map importeren</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="352" />
            <source>&amp;Export summary…</source>
            <translation>Samenvatting &amp;exporteren…</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="352" />
            <source>Export an annotated summary (PDF, Markdown, CSV)</source>
            <translation>Een geannoteerde samenvatting exporteren (PDF, Markdown, CSV)</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="353" />
            <source>Follow &amp;dossier…</source>
            <translation>&amp;Dossier volgen…</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="354" />
            <source>Follow a Kamerstuk dossier: its new letters are fetched when you bring the followed dossiers up to date</source>
            <translation>Een Kamerstukdossier volgen: de nieuwe brieven ervan worden opgehaald wanneer u de gevolgde dossiers bijwerkt</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="355" />
            <source>&amp;Bring followed dossiers up to date</source>
            <translation>Gevolgde dossiers &amp;bijwerken</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="356" />
            <source>Fetch the letters of the followed dossiers that the library lacks, from the official source</source>
            <translation>De brieven van de gevolgde dossiers die nog niet in de bibliotheek staan ophalen bij de officiële bron</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="357" />
            <source>&amp;Rebuild search index</source>
            <translation>Zoekindex &amp;opnieuw opbouwen</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="357" />
            <source>Rebuild the search index</source>
            <translation>De zoekindex opnieuw opbouwen</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="358" />
            <source>&amp;Quit</source>
            <translation>&amp;Afsluiten</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="359" />
            <source>&amp;Undo</source>
            <translation>&amp;Ongedaan maken</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="361" />
            <source>&amp;Redo</source>
            <translation>O&amp;pnieuw</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="367" />
            <source>&amp;Find in letter…</source>
            <translation>&amp;Zoeken in brief…</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="368" />
            <source>Find in the open letter (Ctrl+F in the reader; elsewhere Ctrl+F searches the library)</source>
            <translation>Zoeken in de geopende brief (Ctrl+F in de lezer; elders doorzoekt Ctrl+F de bibliotheek)</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="369" />
            <source>&amp;Search the library…</source>
            <translation>Bibliotheek &amp;doorzoeken…</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="370" />
            <source>Search every letter, its footnotes and your notes</source>
            <translation>Alle brieven, hun voetnoten en uw notities doorzoeken</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="371" />
            <source>Find &amp;next</source>
            <translation>&amp;Volgende zoeken</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="372" />
            <source>Next match in this letter (after a library search: the next hit in this letter)</source>
            <translation>Volgende treffer in deze brief (na zoeken in de bibliotheek: de volgende treffer in deze brief)</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="373" />
            <source>Find pre&amp;vious</source>
            <translation>Vo&amp;rige zoeken</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="374" />
            <source>Previous match in this letter</source>
            <translation>Vorige treffer in deze brief</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="375" />
            <source>Edit &amp;note</source>
            <translation>&amp;Notitie bewerken</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="375" />
            <source>Write a note on the annotation (N in the reader)</source>
            <translation>Een notitie bij de annotatie schrijven (N in de lezer)</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="376" />
            <source>&amp;Remove annotation</source>
            <translation>Annotatie &amp;verwijderen</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="377" />
            <source>Remove the annotation at the cursor (Delete in the reader)</source>
            <translation>De annotatie bij de cursor verwijderen (Delete in de lezer)</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="378" />
            <source>Re-&amp;attach to selection</source>
            <translation>Opnieuw &amp;koppelen aan selectie</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="379" />
            <source>Anchor the selected annotation (e.g. one not found in the current text) to the selected text</source>
            <translation>De geselecteerde annotatie (bijvoorbeeld een die niet in de huidige tekst is gevonden) aan de geselecteerde tekst koppelen</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="380" />
            <source>Set &amp;Kamerstuk id…</source>
            <translation>Kamer&amp;stuknummer vastleggen…</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="381" />
            <source>Record which Kamerstuk this letter is (e.g. kst-28676-472), so citations of it lead here</source>
            <translation>Vastleggen welk Kamerstuk deze brief is (bijvoorbeeld kst-28676-472), zodat verwijzingen ernaar hier uitkomen</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="382" />
            <source>&amp;Back</source>
            <translation>&amp;Terug</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="382" />
            <source>Back to where you were</source>
            <translation>Terug naar waar u was</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="383" />
            <source>&amp;Forward</source>
            <translation>&amp;Vooruit</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="383" />
            <source>Forward again</source>
            <translation>Weer vooruit</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="384" />
            <source>Go to &amp;reader</source>
            <translation>Naar de &amp;lezer</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="385" />
            <source>&amp;Passages by theme</source>
            <translation>&amp;Passages per thema</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="386" />
            <source>Every passage of the checked themes across letters, and a themes × letters matrix</source>
            <translation>Alle passages van de aangevinkte thema’s in alle brieven, en een matrix thema’s × brieven</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="387" />
            <source>&amp;Missing documents…</source>
            <translation>&amp;Ontbrekende documenten…</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="388" />
            <source>Cited documents that are not in the library, the letters citing them, and Fetch</source>
            <translation>Aangehaalde documenten die niet in de bibliotheek staan, de brieven die ernaar verwijzen, en Ophalen</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="389" />
            <source>Go to letter &amp;list</source>
            <translation>Naar de brieven&amp;lijst</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="390" />
            <source>Go to &amp;annotations</source>
            <translation>Naar de &amp;annotaties</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="391" />
            <source>Go to t&amp;hemes</source>
            <translation>Naar de t&amp;hema’s</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="392" />
            <source>&amp;New theme…</source>
            <translation>&amp;Nieuw thema…</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="392" />
            <source>Create a theme</source>
            <translation>Een thema aanmaken</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="393" />
            <source>New &amp;sub-theme…</source>
            <translation>Nieuw &amp;subthema…</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="393" />
            <source>Create a theme inside the selected one</source>
            <translation>Een thema binnen het geselecteerde thema aanmaken</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="394" />
            <source>&amp;Rename theme…</source>
            <translation>Thema &amp;hernoemen…</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="394" />
            <source>Rename the selected theme</source>
            <translation>Het geselecteerde thema hernoemen</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="395" />
            <source>&amp;Colour…</source>
            <translation>&amp;Kleur…</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="395" />
            <source>Change the selected theme's colour</source>
            <translation>De kleur van het geselecteerde thema wijzigen</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="396" />
            <source>&amp;Description…</source>
            <translation>&amp;Beschrijving…</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="397" />
            <source>Describe the selected theme; an exported summary introduces its chapter with this</source>
            <translation>Het geselecteerde thema beschrijven; een geëxporteerde samenvatting leidt het hoofdstuk hiermee in</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="398" />
            <source>&amp;Move to…</source>
            <translation>&amp;Verplaatsen naar…</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="398" />
            <source>Put the selected theme inside another</source>
            <translation>Het geselecteerde thema binnen een ander thema plaatsen</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="399" />
            <source>Move &amp;up</source>
            <translation>&amp;Omhoog</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="399" />
            <source>Move the theme up among its siblings</source>
            <translation>Het thema een plaats omhoog zetten</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="400" />
            <source>Move &amp;down</source>
            <translation>Omlaa&amp;g</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="400" />
            <source>Move the theme down among its siblings</source>
            <translation>Het thema een plaats omlaag zetten</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="401" />
            <source>Mer&amp;ge into…</source>
            <translation>Samen&amp;voegen met…</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="401" />
            <source>Merge the selected theme into another</source>
            <translation>Het geselecteerde thema samenvoegen met een ander thema</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="402" />
            <source>&amp;Delete theme…</source>
            <translation>Thema ve&amp;rwijderen…</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="402" />
            <source>Delete the selected theme</source>
            <translation>Het geselecteerde thema verwijderen</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="403" />
            <source>&amp;Keyboard shortcuts</source>
            <translation>&amp;Sneltoetsen</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="404" />
            <source>&amp;About Kamerlezer</source>
            <translation>&amp;Over Kamerlezer</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="411" />
            <source>&amp;File</source>
            <translation>&amp;Bestand</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="422" />
            <source>&amp;Edit</source>
            <translation>Be&amp;werken</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="430" />
            <source>&amp;Tag selection</source>
            <translation>Selectie &amp;markeren</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="436" />
            <source>&amp;Themes</source>
            <translation>&amp;Thema’s</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="441" />
            <source>Set &amp;key</source>
            <translation>&amp;Toets toewijzen</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="444" />
            <source>&amp;View</source>
            <translation>Bee&amp;ld</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="447" />
            <source>Letter list &amp;columns</source>
            <translation>&amp;Kolommen van de brievenlijst</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="458" />
            <source>&amp;Go</source>
            <translation>&amp;Ga naar</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="461" />
            <source>&amp;Help</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="466" />
            <source>Main</source>
            <translation>Hoofdwerkbalk</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="479" />
            <source>Undo</source>
            <translation>Ongedaan maken</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="479" />
            <source>Undo the last change (Ctrl+Z)</source>
            <translation>De laatste wijziging ongedaan maken (Ctrl+Z)</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="480" />
            <source>Redo</source>
            <translation>Opnieuw</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="480" />
            <source>Redo (Ctrl+Shift+Z)</source>
            <translation>Opnieuw uitvoeren (Ctrl+Shift+Z)</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="488" />
            <source>Tag</source>
            <translation>Markeren</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="490" />
            <source>Tag the selected text with a theme (keys 1–9)</source>
            <translation>De geselecteerde tekst met een thema markeren (toetsen 1–9)</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="622" />
            <source>All years</source>
            <translation>Alle jaren</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="623" />
            <source>All chambers</source>
            <translation>Beide Kamers</translation>
        </message>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/main_window.py" line="639" />
            <source>%n letter(s)</source>
            <translation>
                <numerusform>%n brief</numerusform>
                <numerusform>%n brieven</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/main_window.py" line="639" />
            <source>{shown} of %n letter(s)</source>
            <translation>
                <numerusform>{shown} van %n brief</numerusform>
                <numerusform>{shown} van %n brieven</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="728" />
            <source>About Kamerlezer</source>
            <translation>Over Kamerlezer</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/main_window.py" line="733" />
            <source>&lt;p&gt;Read, search, annotate and cross-reference Dutch parliamentary letters.&lt;/p&gt;&lt;p&gt;Library: {folder}&lt;br&gt;Qt {qt} · Python {python}&lt;/p&gt;</source>
            <translation>&lt;p&gt;Kamerbrieven lezen, doorzoeken, annoteren en onderling verbinden.&lt;/p&gt;&lt;p&gt;Bibliotheek: {folder}&lt;br&gt;Qt {qt} · Python {python}&lt;/p&gt;</translation>
        </message>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/main_window.py" line="744" />
            <source>Library: {folder} · %n letter(s)</source>
            <translation>
                <numerusform>Bibliotheek: {folder} · %n brief</numerusform>
                <numerusform>Bibliotheek: {folder} · %n brieven</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>FetchStrip</name>
        <message>
            <location filename="../../../desktop_app/gui/missing.py" line="66" />
            <source>Cancelled: nothing was imported.</source>
            <translation>Geannuleerd: er is niets geïmporteerd.</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/missing.py" line="68" />
            <source>Fetched {id} and added it to the library.</source>
            <translation>{id} is opgehaald en aan de bibliotheek toegevoegd.</translation>
        </message>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/missing.py" line="70" />
            <source>%n citation(s) now point(s) at it.</source>
            <translation>
                <numerusform>%n verwijzing wijst er nu naar.</numerusform>
                <numerusform>%n verwijzingen wijzen er nu naar.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/missing.py" line="72" />
            <source>%n citation(s) now point(s) at them.</source>
            <translation>
                <numerusform>%n verwijzing wijst er nu naar.</numerusform>
                <numerusform>%n verwijzingen wijzen er nu naar.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/missing.py" line="74" />
            <source>The official source ({source}) cannot be reached: are you offline? Nothing was stored; try again when you are connected.</source>
            <translation>De officiële bron ({source}) is niet bereikbaar: bent u offline? Er is niets opgeslagen; probeer het opnieuw zodra u verbinding hebt.</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/missing.py" line="81" />
            <source>{id} was not found at the official source ({source}): it may not be published there (yet), or the citation's number may be wrong. Nothing was stored.</source>
            <translation>{id} is niet gevonden in de officiële bron ({source}): het stuk is daar mogelijk (nog) niet gepubliceerd, of het nummer in de verwijzing klopt niet. Er is niets opgeslagen.</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/missing.py" line="85" />
            <source>Nothing to fetch: every selected document is already in the library.</source>
            <translation>Niets op te halen: alle geselecteerde documenten staan al in de bibliotheek.</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/missing.py" line="118" />
            <source>Cancel fetch</source>
            <translation>Ophalen annuleren</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/missing.py" line="121" />
            <source>Stop fetching: nothing is imported</source>
            <translation>Stoppen met ophalen: er wordt niets geïmporteerd</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/missing.py" line="156" />
            <source>Fetching from the official source</source>
            <translation>Ophalen uit de officiële bron</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/missing.py" line="161" />
            <source>Fetching {what} from {source}…</source>
            <translation>{what} ophalen uit {source}…</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/missing.py" line="174" />
            <source>Cancelling (after the download under way)…</source>
            <translation>Bezig met annuleren (na de lopende download)…</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/missing.py" line="185" />
            <source>Fetching {what} ({number} of {count})…</source>
            <translation>{what} ophalen ({number} van {count})…</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/missing.py" line="204" />
            <source>Fetch failed: {problem}</source>
            <translation>Ophalen mislukt: {problem}</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/missing.py" line="206" />
            <source>Fetch failed: an unexpected error (see the error message).</source>
            <translation>Ophalen mislukt: een onverwachte fout (zie de foutmelding).</translation>
        </message>
    </context>
    <context>
        <name>MissingDocumentDialog</name>
        <message>
            <location filename="../../../desktop_app/gui/missing.py" line="228" />
            <source>Not in your library</source>
            <translation>Niet in uw bibliotheek</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/missing.py" line="228" />
            <source>Citation</source>
            <translation>Verwijzing</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/missing.py" line="234" />
            <source>Not in your library: fetch it from the official source ({source}), or import it.</source>
            <translation>Niet in uw bibliotheek: haal het stuk op uit de officiële bron ({source}) of importeer het.</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/missing.py" line="236" />
            <source>Not in your library: open the official publication, download it and import it.</source>
            <translation>Niet in uw bibliotheek: open de officiële publicatie, download het stuk en importeer het.</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/missing.py" line="238" />
            <source>Not in your library: import it to follow this citation.</source>
            <translation>Niet in uw bibliotheek: importeer het stuk om deze verwijzing te volgen.</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/missing.py" line="265" />
            <source>&amp;Try again</source>
            <translation>&amp;Opnieuw proberen</translation>
        </message>
    </context>
    <context>
        <name>MissingDocumentsDialog</name>
        <message>
            <location filename="../../../desktop_app/gui/missing.py" line="312" />
            <source>not in library</source>
            <translation>niet in bibliotheek</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/missing.py" line="313" />
            <source>possibly in library</source>
            <translation>mogelijk in bibliotheek</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/missing.py" line="314" />
            <source>not a letter</source>
            <translation>geen brief</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/missing.py" line="331" />
            <source>Missing documents</source>
            <translation>Ontbrekende documenten</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/missing.py" line="338" />
            <source>Loading…</source>
            <translation>Laden…</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/missing.py" line="345" />
            <source>Document / citing letter</source>
            <translation>Document / verwijzende brief</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/missing.py" line="345" />
            <source>Cited</source>
            <translation>Aangehaald</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/missing.py" line="345" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/missing.py" line="367" />
            <source>The official publication (opens in your web browser)</source>
            <translation>De officiële publicatie (opent in uw webbrowser)</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/missing.py" line="374" />
            <source>&amp;Open citing passage</source>
            <translation>Verwijzende passage &amp;openen</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/missing.py" line="376" />
            <source>Show the selected citation in its letter (Enter, or double-click)</source>
            <translation>De geselecteerde verwijzing in de brief tonen (Enter of dubbelklikken)</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/missing.py" line="378" />
            <source>&amp;Fetch selected</source>
            <translation>Selectie op&amp;halen</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/missing.py" line="381" />
            <source>Download the selected official documents (Kamerstukken, Handelingen) and import them</source>
            <translation>De geselecteerde officiële documenten (Kamerstukken, Handelingen) downloaden en importeren</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/missing.py" line="384" />
            <source>&amp;Refresh</source>
            <translation>&amp;Vernieuwen</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/missing.py" line="386" />
            <source>Close</source>
            <translation>Sluiten</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/missing.py" line="416" />
            <source>Loading the missing documents…</source>
            <translation>De ontbrekende documenten worden geladen…</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/missing.py" line="418" />
            <source>Listing missing documents</source>
            <translation>Ontbrekende documenten verzamelen</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/missing.py" line="434" />
            <source>The missing documents could not be listed.</source>
            <translation>De lijst met ontbrekende documenten kon niet worden samengesteld.</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/missing.py" line="446" />
            <source>Every cited document is in your library.</source>
            <translation>Alle aangehaalde documenten staan in uw bibliotheek.</translation>
        </message>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/missing.py" line="449" />
            <source>Not in your library: %n cited document(s), {count} of which can be fetched from the official source. Enter on a citing letter opens the citation; select documents and Fetch to bring them in.</source>
            <translation>
                <numerusform>Niet in uw bibliotheek: %n aangehaald document ({count} op te halen uit de officiële bron). Enter op een verwijzende brief opent de verwijzing; selecteer documenten en kies Ophalen om ze binnen te halen.</numerusform>
                <numerusform>Niet in uw bibliotheek: %n aangehaalde documenten ({count} op te halen uit de officiële bron). Enter op een verwijzende brief opent de verwijzing; selecteer documenten en kies Ophalen om ze binnen te halen.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/missing.py" line="462" />
            <source>(letter head)</source>
            <translation>(briefhoofd)</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/missing.py" line="464" />
            <source>(footnote {number})</source>
            <translation>(voetnoot {number})</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/missing.py" line="468" />
            <source>“{citation}”{where} in {letter}</source>
            <translation>“{citation}”{where} in {letter}</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/missing.py" line="519" />
            <source>&amp;Fetch selected ({count})</source>
            <translation>Selectie op&amp;halen ({count})</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/missing.py" line="530" />
            <source>Published at: {link}</source>
            <translation>Gepubliceerd op: {link}</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/missing.py" line="532" />
            <source>No official address known for this document.</source>
            <translation>Voor dit document is geen officieel adres bekend.</translation>
        </message>
    </context>
    <context>
        <name>Models</name>
        <message>
            <location filename="../../../desktop_app/gui/models.py" line="51" />
            <source>title taken from the text: the letter has no subject</source>
            <translation>titel uit de tekst: de brief heeft geen onderwerp</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/models.py" line="52" />
            <source>inferred from a citation, not confirmed</source>
            <translation>afgeleid uit een verwijzing, niet bevestigd</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/models.py" line="71" />
            <source>no date</source>
            <translation>geen datum</translation>
        </message>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/models.py" line="362" />
            <source>%n match(es)</source>
            <translation>
                <numerusform>%n treffer</numerusform>
                <numerusform>%n treffers</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/models.py" line="363" />
            <source>Untitled letter</source>
            <translation>Brief zonder titel</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/models.py" line="379" />
            <source>Footnote</source>
            <translation>Voetnoot</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/models.py" line="380" />
            <source>Note</source>
            <translation>Notitie</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/models.py" line="381" />
            <source>Subject</source>
            <translation>Onderwerp</translation>
        </message>
    </context>
    <context>
        <name>ThemeTreeModel</name>
        <message>
            <location filename="../../../desktop_app/gui/models.py" line="439" />
            <source>Theme</source>
            <translation>Thema</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/models.py" line="440" />
            <source>Key</source>
            <translation>Toets</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/models.py" line="441" />
            <source>Passages</source>
            <translation>Passages</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/models.py" line="505" />
            <source>Press this key in the reader to tag the selected text</source>
            <translation>Druk in de lezer op deze toets om de geselecteerde tekst te markeren</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/models.py" line="536" />
            <source>Key {number} tags the selected text</source>
            <translation>Toets {number} markeert de geselecteerde tekst</translation>
        </message>
    </context>
    <context>
        <name>AnnotationListModel</name>
        <message>
            <location filename="../../../desktop_app/gui/models.py" line="658" />
            <source>Not found in the current text</source>
            <translation>Niet gevonden in de huidige tekst</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/models.py" line="659" />
            <source>select its new place, then Edit &gt; Re-attach</source>
            <translation>selecteer de nieuwe plek en kies Bewerken &gt; Opnieuw koppelen</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/models.py" line="660" />
            <source>No theme</source>
            <translation>Geen thema</translation>
        </message>
    </context>
    <context>
        <name>AnnotationsPanel</name>
        <message>
            <location filename="../../../desktop_app/gui/panels.py" line="124" />
            <source>No annotations yet. Select text in the letter and press 1–9 to tag it.</source>
            <translation>Nog geen annotaties. Selecteer tekst in de brief en druk op 1–9 om die te markeren.</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/panels.py" line="127" />
            <source>Note</source>
            <translation>Notitie</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/panels.py" line="131" />
            <source>Select an annotation to write a note…</source>
            <translation>Selecteer een annotatie om een notitie te schrijven…</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/panels.py" line="138" />
            <source>Remove</source>
            <translation>Verwijderen</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/panels.py" line="139" />
            <source>Remove the selected annotation (Delete in the reader)</source>
            <translation>De geselecteerde annotatie verwijderen (Delete in de lezer)</translation>
        </message>
    </context>
    <context>
        <name>ThemesPanel</name>
        <message>
            <location filename="../../../desktop_app/gui/panels.py" line="264" />
            <source>Select text in the letter, then press a theme's key (1–9).</source>
            <translation>Selecteer tekst in de brief en druk dan op de toets van een thema (1–9).</translation>
        </message>
    </context>
    <context>
        <name>ReferencesPanel</name>
        <message>
            <location filename="../../../desktop_app/gui/panels.py" line="305" />
            <source>Cites</source>
            <translation>Verwijst naar</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/panels.py" line="306" />
            <source>Cited by</source>
            <translation>Aangehaald door</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/panels.py" line="322" />
            <source>footnote {number}</source>
            <translation>voetnoot {number}</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/panels.py" line="324" />
            <source>the letter head</source>
            <translation>het briefhoofd</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/panels.py" line="326" />
            <source>the text</source>
            <translation>de tekst</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/panels.py" line="330" />
            <source>in {place}</source>
            <translation>in {place}</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/panels.py" line="336" />
            <source>as “{citation}”</source>
            <translation>als “{citation}”</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/panels.py" line="338" />
            <source>cites this letter as “{citation}”</source>
            <translation>verwijst naar deze brief als “{citation}”</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/panels.py" line="340" />
            <source>Cites ({count})</source>
            <translation>Verwijst naar ({count})</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/panels.py" line="341" />
            <source>Cited by ({count})</source>
            <translation>Aangehaald door ({count})</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/panels.py" line="357" />
            <source>in library</source>
            <translation>in bibliotheek</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/panels.py" line="359" />
            <source>suggested</source>
            <translation>voorgesteld</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/panels.py" line="361" />
            <source>not in library</source>
            <translation>niet in bibliotheek</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/panels.py" line="363" />
            <source>external</source>
            <translation>extern</translation>
        </message>
    </context>
    <context>
        <name>PassageTableModel</name>
        <message>
            <location filename="../../../desktop_app/gui/passages.py" line="59" />
            <source>Letter</source>
            <translation>Brief</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/passages.py" line="60" />
            <source>Passage</source>
            <translation>Passage</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/passages.py" line="61" />
            <source>Note</source>
            <translation>Notitie</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/passages.py" line="62" />
            <source>Themes</source>
            <translation>Thema’s</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/passages.py" line="97" />
            <source>not found in the text</source>
            <translation>niet gevonden in de tekst</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/passages.py" line="99" />
            <source>p. {page}</source>
            <translation>p. {page}</translation>
        </message>
    </context>
    <context>
        <name>ThemeLetterMatrixModel</name>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/passages.py" line="196" />
            <source>{theme} in {letter}: %n passage(s)</source>
            <translation>
                <numerusform>{theme} in {letter}: %n passage</numerusform>
                <numerusform>{theme} in {letter}: %n passages</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PassagesView</name>
        <message>
            <location filename="../../../desktop_app/gui/passages.py" line="215" />
            <source>Check the themes whose passages you want to see; a theme includes its sub-themes.</source>
            <translation>Vink de thema’s aan waarvan u de passages wilt zien; een thema omvat zijn subthema’s.</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/passages.py" line="221" />
            <source>By date</source>
            <translation>Op datum</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/passages.py" line="222" />
            <source>By letter</source>
            <translation>Per brief</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/passages.py" line="225" />
            <source>Filter on passage, note or letter</source>
            <translation>Filteren op passage, notitie of brief</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/passages.py" line="229" />
            <source>&amp;Export…</source>
            <translation>&amp;Exporteren…</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/passages.py" line="230" />
            <source>Export the passages of the checked themes (Ctrl+E)</source>
            <translation>De passages van de aangevinkte thema’s exporteren (Ctrl+E)</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/passages.py" line="233" />
            <source>Show all letters</source>
            <translation>Alle brieven tonen</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/passages.py" line="267" />
            <source>Passages per theme and letter (a theme counts its sub-themes). Enter or double-click shows that theme's passages in that letter.</source>
            <translation>Passages per thema en brief (een thema telt zijn subthema’s mee). Enter of dubbelklikken toont de passages van dat thema in die brief.</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/passages.py" line="275" />
            <source>&amp;Year</source>
            <translation>&amp;Jaar</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/passages.py" line="275" />
            <source>C&amp;hamber</source>
            <translation>&amp;Kamer</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/passages.py" line="275" />
            <source>&amp;Order</source>
            <translation>&amp;Volgorde</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/passages.py" line="276" />
            <source>{label}:</source>
            <translation>{label}:</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/passages.py" line="294" />
            <source>&amp;Passages</source>
            <translation>&amp;Passages</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/passages.py" line="295" />
            <source>&amp;Matrix: themes × letters</source>
            <translation>&amp;Matrix: thema’s × brieven</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/passages.py" line="301" />
            <source>&amp;Themes</source>
            <translation>&amp;Thema’s</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/passages.py" line="375" />
            <source>All years</source>
            <translation>Alle jaren</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/passages.py" line="376" />
            <source>All chambers</source>
            <translation>Beide Kamers</translation>
        </message>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/passages.py" line="412" />
            <source>{shown} of %n passage(s)</source>
            <translation>
                <numerusform>{shown} van %n passage</numerusform>
                <numerusform>{shown} van %n passages</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/passages.py" line="414" />
            <source>%n passage(s)</source>
            <translation>
                <numerusform>%n passage</numerusform>
                <numerusform>%n passages</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/passages.py" line="418" />
            <source>Only in: {title}</source>
            <translation>Alleen in: {title}</translation>
        </message>
    </context>
    <context>
        <name>ReaderView</name>
        <message>
            <location filename="../../../desktop_app/gui/reader.py" line="208" />
            <source>Footnotes</source>
            <translation>Voetnoten</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/reader.py" line="530" />
            <source>No theme</source>
            <translation>Geen thema</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/reader.py" line="638" />
            <source>In your library</source>
            <translation>In uw bibliotheek</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/reader.py" line="639" />
            <source>In your library (confirmed by you)</source>
            <translation>In uw bibliotheek (door u bevestigd)</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/reader.py" line="640" />
            <source>Possible match in your library: click to confirm or reject</source>
            <translation>Mogelijk in uw bibliotheek: klik om te bevestigen of af te wijzen</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/reader.py" line="641" />
            <source>Not in your library</source>
            <translation>Niet in uw bibliotheek</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/reader.py" line="642" />
            <source>Outside the letters (e.g. an EU document)</source>
            <translation>Buiten de brieven (bijvoorbeeld een EU-document)</translation>
        </message>
    </context>
    <context>
        <name>TaskHandle</name>
        <message>
            <location filename="../../../desktop_app/gui/tasks.py" line="105" />
            <source>Cancel</source>
            <translation>Annuleren</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/tasks.py" line="122" />
            <source>Cancelling…</source>
            <translation>Bezig met annuleren…</translation>
        </message>
    </context>
    <context>
        <name>ThemeCheckTree</name>
        <message>
            <location filename="../../../desktop_app/gui/theme_check_tree.py" line="100" />
            <source>Included with {theme}</source>
            <translation>Inbegrepen bij {theme}</translation>
        </message>
    </context>
    <context>
        <name>FlowsMixin</name>
        <message>
            <location filename="../../../desktop_app/gui/window_flows.py" line="41" />
            <source>Import letters</source>
            <translation>Brieven importeren</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/window_flows.py" line="42" />
            <source>Letters ({patterns});;All files (*)</source>
            <translation>Brieven ({patterns});;Alle bestanden (*)</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/window_flows.py" line="48" />
            <source>Import a folder of letters</source>
            <translation>Een map met brieven importeren</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/window_flows.py" line="61" />
            <source>Importing letters</source>
            <translation>Brieven importeren</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/window_flows.py" line="63" />
            <source>Importing…</source>
            <translation>Bezig met importeren…</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/window_flows.py" line="74" />
            <source>The password was wrong. </source>
            <translation>Het wachtwoord was onjuist. </translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/window_flows.py" line="75" />
            <source>Password for {file}:</source>
            <translation>Wachtwoord voor {file}:</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/window_flows.py" line="77" />
            <source>Encrypted PDF</source>
            <translation>Versleutelde PDF</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/window_flows.py" line="94" />
            <source>Fetching from the official source</source>
            <translation>Ophalen uit de officiële bron</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/window_flows.py" line="95" />
            <source>Fetching {what}…</source>
            <translation>{what} ophalen…</translation>
        </message>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/window_flows.py" line="101" />
            <source>%n fetched</source>
            <translation>
                <numerusform>%n opgehaald</numerusform>
                <numerusform>%n opgehaald</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/window_flows.py" line="101" />
            <source>%n citation(s) now point(s) at them</source>
            <translation>
                <numerusform>%n verwijzing wijst er nu naar</numerusform>
                <numerusform>%n verwijzingen wijzen er nu naar</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/window_flows.py" line="105" />
            <source>not found: {what}</source>
            <translation>niet gevonden: {what}</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/window_flows.py" line="106" />
            <source>Fetch: {outcome}.</source>
            <translation>Ophalen: {outcome}.</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/window_flows.py" line="113" />
            <source>Follow the Kamerstuk dossier (e.g. 28676 or “36 200 X”):</source>
            <translation>Dit Kamerstukdossier volgen (bijv. 28676 of “36 200 X”):</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/window_flows.py" line="116" />
            <source>Followed now: {dossiers}</source>
            <translation>Nu gevolgd: {dossiers}</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/window_flows.py" line="117" />
            <source>Follow dossier</source>
            <translation>Dossier volgen</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/window_flows.py" line="125" />
            <source>Following dossier {dossier}: File &gt; Bring followed dossiers up to date fetches its letters.</source>
            <translation>Dossier {dossier} wordt gevolgd: Bestand &gt; Gevolgde dossiers bijwerken haalt de brieven ervan op.</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/window_flows.py" line="137" />
            <source>No dossier is followed yet: File &gt; Follow dossier…</source>
            <translation>Er wordt nog geen dossier gevolgd: Bestand &gt; Dossier volgen…</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/window_flows.py" line="143" />
            <source>Bringing followed dossiers up to date</source>
            <translation>Gevolgde dossiers bijwerken</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/window_flows.py" line="144" />
            <source>Asking the official source for the followed dossiers…</source>
            <translation>De officiële bron wordt naar de gevolgde dossiers gevraagd…</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/window_flows.py" line="155" />
            <source>cancelled</source>
            <translation>geannuleerd</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/window_flows.py" line="161" />
            <source>Followed dossiers: {outcome}.</source>
            <translation>Gevolgde dossiers: {outcome}.</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/window_flows.py" line="189" />
            <source>Import: {counts}.</source>
            <translation>Importeren: {counts}.</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/window_flows.py" line="204" />
            <source>Cancelled.</source>
            <translation>Geannuleerd.</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/window_flows.py" line="215" />
            <source>Rebuilding the search index</source>
            <translation>De zoekindex wordt opnieuw opgebouwd</translation>
        </message>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/window_flows.py" line="218" />
            <source>Search index rebuilt: %n letter(s).</source>
            <translation>
                <numerusform>Zoekindex opnieuw opgebouwd: %n brief.</numerusform>
                <numerusform>Zoekindex opnieuw opgebouwd: %n brieven.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/window_flows.py" line="265" />
            <source>Exporting summary</source>
            <translation>Samenvatting exporteren</translation>
        </message>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/window_flows.py" line="272" />
            <source>Exported %n passage(s) to {path}</source>
            <translation>
                <numerusform>%n passage geëxporteerd naar {path}</numerusform>
                <numerusform>%n passages geëxporteerd naar {path}</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/window_flows.py" line="277" />
            <source>Export finished with warnings</source>
            <translation>Exporteren voltooid met waarschuwingen</translation>
        </message>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/window_flows.py" line="278" />
            <source>Exported %n passage(s) to {path}, but:</source>
            <translation>
                <numerusform>%n passage geëxporteerd naar {path}, maar:</numerusform>
                <numerusform>%n passages geëxporteerd naar {path}, maar:</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PanelsMixin</name>
        <message>
            <location filename="../../../desktop_app/gui/window_panels.py" line="158" />
            <source>All themes</source>
            <translation>Alle thema’s</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/window_panels.py" line="169" />
            <source>Select a theme in the Themes panel first.</source>
            <translation>Selecteer eerst een thema in het paneel Thema’s.</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/window_panels.py" line="178" />
            <source>New theme</source>
            <translation>Nieuw thema</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/window_panels.py" line="178" />
            <source>Name:</source>
            <translation>Naam:</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/window_panels.py" line="196" />
            <source>Added theme “{name}”; key {key} tags a selection with it.</source>
            <translation>Thema “{name}” toegevoegd; toets {key} markeert een selectie ermee.</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/window_panels.py" line="198" />
            <source>Added theme “{name}”; give it a key with Themes &gt; Set key.</source>
            <translation>Thema “{name}” toegevoegd; wijs een toets toe met Thema’s &gt; Toets toewijzen.</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/window_panels.py" line="207" />
            <source>Select a theme first</source>
            <translation>Selecteer eerst een thema</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/window_panels.py" line="218" />
            <source>&amp;No key</source>
            <translation>&amp;Geen toets</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/window_panels.py" line="231" />
            <source>New sub-theme</source>
            <translation>Nieuw subthema</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/window_panels.py" line="231" />
            <source>Name (inside “{name}”):</source>
            <translation>Naam (binnen “{name}”):</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/window_panels.py" line="239" />
            <source>Rename theme</source>
            <translation>Thema hernoemen</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/window_panels.py" line="248" />
            <source>Describe theme</source>
            <translation>Thema beschrijven</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/window_panels.py" line="249" />
            <source>What “{name}” is about (introduces its chapter in an export):</source>
            <translation>Waar “{name}” over gaat (leidt het hoofdstuk in een export in):</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/window_panels.py" line="265" />
            <source>Colour of “{name}”</source>
            <translation>Kleur van “{name}”</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/window_panels.py" line="271" />
            <source>(top level)</source>
            <translation>(hoogste niveau)</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/window_panels.py" line="287" />
            <source>Move theme</source>
            <translation>Thema verplaatsen</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/window_panels.py" line="287" />
            <source>Put “{name}” inside:</source>
            <translation>“{name}” plaatsen binnen:</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/window_panels.py" line="320" />
            <source>Merge theme</source>
            <translation>Thema samenvoegen</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/window_panels.py" line="320" />
            <source>Merge “{name}” into:</source>
            <translation>“{name}” samenvoegen met:</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/window_panels.py" line="326" />
            <source>Merge themes</source>
            <translation>Thema’s samenvoegen</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/window_panels.py" line="327" />
            <source>Merge “{name}” into “{target}”?</source>
            <translation>“{name}” samenvoegen met “{target}”?</translation>
        </message>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/window_panels.py" line="328" />
            <source>%n annotation(s) and the sub-themes of “{name}” move to “{target}”; then “{name}” is deleted. Edit &gt; Undo reverses this.</source>
            <translation>
                <numerusform>%n annotatie en de subthema’s van “{name}” gaan naar “{target}”; daarna wordt “{name}” verwijderd. Bewerken &gt; Ongedaan maken draait dit terug.</numerusform>
                <numerusform>%n annotaties en de subthema’s van “{name}” gaan naar “{target}”; daarna wordt “{name}” verwijderd. Bewerken &gt; Ongedaan maken draait dit terug.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/window_panels.py" line="330" />
            <source>&amp;Merge</source>
            <translation>&amp;Samenvoegen</translation>
        </message>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/window_panels.py" line="342" />
            <source>%n annotation(s) use(s) it. The annotations are kept; they only lose this theme.</source>
            <translation>
                <numerusform>%n annotatie gebruikt het. De annotatie blijft bewaard; alleen dit thema vervalt.</numerusform>
                <numerusform>%n annotaties gebruiken het. De annotaties blijven bewaard; alleen dit thema vervalt.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/window_panels.py" line="347" />
            <source>Its %n sub-theme(s) ({names}) move(s) up into “{parent}”.</source>
            <translation>
                <numerusform>Het subthema ({names}) gaat een niveau omhoog, naar “{parent}”.</numerusform>
                <numerusform>De %n subthema’s ({names}) gaan een niveau omhoog, naar “{parent}”.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/window_panels.py" line="349" />
            <source>Its %n sub-theme(s) ({names}) move(s) up to the top level.</source>
            <translation>
                <numerusform>Het subthema ({names}) gaat naar het hoogste niveau.</numerusform>
                <numerusform>De %n subthema’s ({names}) gaan naar het hoogste niveau.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/window_panels.py" line="351" />
            <source>Edit &gt; Undo brings it all back.</source>
            <translation>Bewerken &gt; Ongedaan maken zet alles terug.</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/window_panels.py" line="353" />
            <source>Delete theme</source>
            <translation>Thema verwijderen</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/window_panels.py" line="353" />
            <source>Delete the theme “{name}”?</source>
            <translation>Het thema “{name}” verwijderen?</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/window_panels.py" line="354" />
            <source>&amp;Delete theme</source>
            <translation>Thema &amp;verwijderen</translation>
        </message>
    </context>
    <context>
        <name>ReaderMixin</name>
        <message>
            <location filename="../../../desktop_app/gui/window_reader.py" line="114" />
            <source>No letter open</source>
            <translation>Geen brief geopend</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/window_reader.py" line="116" />
            <source>Choose a letter on the left, or search the library with Ctrl+Shift+F.</source>
            <translation>Kies links een brief of doorzoek de bibliotheek met Ctrl+Shift+F.</translation>
        </message>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/window_reader.py" line="123" />
            <source>%n page(s)</source>
            <translation>
                <numerusform>%n pagina</numerusform>
                <numerusform>%n pagina’s</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/window_reader.py" line="137" />
            <source>The {note}.</source>
            <translation>De {note}.</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/window_reader.py" line="184" />
            <source>Footnote {number}. Back (Alt+Left) returns to the text.</source>
            <translation>Voetnoot {number}. Terug (Alt+Pijl links) keert terug naar de tekst.</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/window_reader.py" line="203" />
            <source>Followed “{citation}”. Back: Alt+Left.</source>
            <translation>“{citation}” gevolgd. Terug: Alt+Pijl links.</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/window_reader.py" line="234" />
            <source>letter {number}</source>
            <translation>brief {number}</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/window_reader.py" line="239" />
            <source>Link confirmed.</source>
            <translation>Koppeling bevestigd.</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/window_reader.py" line="242" />
            <source>Suggestion rejected.</source>
            <translation>Suggestie afgewezen.</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/window_reader.py" line="304" />
            <source>Search hit {number} of {total} in this letter (F3: next).</source>
            <translation>Zoektreffer {number} van {total} in deze brief (F3: volgende).</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/window_reader.py" line="351" />
            <source>Search</source>
            <translation>Zoeken</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/window_reader.py" line="355" />
            <source>Searching…</source>
            <translation>Bezig met zoeken…</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/window_reader.py" line="365" />
            <source>No letters match “{query}”.</source>
            <translation>Geen brieven gevonden voor “{query}”.</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/window_reader.py" line="368" />
            <source> (showing {count})</source>
            <translation> ({count} getoond)</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/window_reader.py" line="370" />
            <source>{letters}, {matches}{more} · {ms} ms</source>
            <translation>{letters}, {matches}{more} · {ms} ms</translation>
        </message>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/window_reader.py" line="371" />
            <source>%n letter(s)</source>
            <translation>
                <numerusform>%n brief</numerusform>
                <numerusform>%n brieven</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/window_reader.py" line="371" />
            <source>%n match(es)</source>
            <translation>
                <numerusform>%n treffer</numerusform>
                <numerusform>%n treffers</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/window_reader.py" line="442" />
            <source>Select a passage first, then press a theme key (1–9).</source>
            <translation>Selecteer eerst een passage en druk dan op een themacijfer (1–9).</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/window_reader.py" line="451" />
            <source>No theme has key {number}.</source>
            <translation>Geen thema heeft toets {number}.</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/window_reader.py" line="490" />
            <source>Put the cursor in an annotation (or tag a passage) to write a note.</source>
            <translation>Zet de cursor in een annotatie (of markeer een passage) om een notitie te schrijven.</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/window_reader.py" line="501" />
            <source>Annotation removed. Ctrl+Z brings it back.</source>
            <translation>Annotatie verwijderd. Ctrl+Z maakt dit ongedaan.</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/window_reader.py" line="507" />
            <source>Select the annotation in the Annotations panel and the new text in the letter.</source>
            <translation>Selecteer de annotatie in het paneel Annotaties en de nieuwe tekst in de brief.</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/window_reader.py" line="515" />
            <source>Kamerstuk id</source>
            <translation>Kamerstuknummer</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/window_reader.py" line="515" />
            <source>This letter is Kamerstuk (e.g. kst-28676-472 or “28 676, nr. 472”; empty clears):</source>
            <translation>Deze brief is Kamerstuk (bijvoorbeeld kst-28676-472 of “28 676, nr. 472”; leeg wist het):</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/window_reader.py" line="530" />
            <source>References updated.</source>
            <translation>Verwijzingen bijgewerkt.</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/window_reader.py" line="536" />
            <source>Page {page} of {pages}</source>
            <translation>Pagina {page} van {pages}</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/gui/window_reader.py" line="537" />
            <source>Page {page}</source>
            <translation>Pagina {page}</translation>
        </message>
    </context>
    <context>
        <name>App</name>
        <message>
            <location filename="../../../desktop_app/app.py" line="218" />
            <source>Opening the library…</source>
            <translation>De bibliotheek wordt geopend…</translation>
        </message>
    </context>
    <context>
        <name>Core</name>
        <message>
            <location filename="../../../desktop_app/core/errors.py" line="21" />
            <source>{0}: {1}</source>
            <translation>{0}: {1}</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/errors.py" line="30" />
            <source>no letters found ({0})</source>
            <translation>geen brieven gevonden ({0})</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/errors.py" line="31" />
            <source>{0} in {1}</source>
            <translation>{0} in {1}</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/errors.py" line="40" />
            <source>wrong password</source>
            <translation>onjuist wachtwoord</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/errors.py" line="40" />
            <source>encrypted PDF: give the password with --password-stdin</source>
            <translation>versleutelde pdf: geef het wachtwoord op (--password-stdin)</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/export/formats.py" line="62" />
            <source>{0}: unknown extension .{1}; export writes {2}.</source>
            <translation>{0}: onbekende extensie .{1}; exporteren schrijft {2}.</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/export/formats.py" line="65" />
            <source>{0}: the extension .{1} is not {2}; use {3} (or leave --format out).</source>
            <translation>{0}: de extensie .{1} past niet bij {2}; gebruik {3}.</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/following.py" line="81" />
            <source>not searched: the source cannot be reached</source>
            <translation>niet gezocht: de bron is niet bereikbaar</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/following.py" line="84" />
            <source>not searched: cancelled</source>
            <translation>niet gezocht: geannuleerd</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/following.py" line="100" />
            <source>the source has no publications of dossier {0}</source>
            <translation>de bron heeft geen publicaties van dossier {0}</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/importing/__init__.py" line="77" />
            <source>damaged or too deeply nested document</source>
            <translation>beschadigd of te diep genest document</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/importing/__init__.py" line="79" />
            <source>document too large to read (out of memory)</source>
            <translation>document te groot om te lezen (geheugen vol)</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/importing/__init__.py" line="81" />
            <source>cannot read file ({0})</source>
            <translation>bestand kan niet worden gelezen ({0})</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/importing/__init__.py" line="84" />
            <source>could not import ({0})</source>
            <translation>kon niet worden geïmporteerd ({0})</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/importing/__init__.py" line="91" />
            <source>the file name is not valid UTF-8; it is shown as {0}</source>
            <translation>de bestandsnaam is geen geldige UTF-8; hij wordt getoond als {0}</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/importing/__init__.py" line="111" />
            <source>file not found</source>
            <translation>bestand niet gevonden</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/importing/__init__.py" line="111" />
            <source>not found (no such file or folder)</source>
            <translation>niet gevonden (geen bestand of map met deze naam)</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/importing/__init__.py" line="118" />
            <source>unsupported file type {0}</source>
            <translation>bestandstype {0} wordt niet ondersteund</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/importing/__init__.py" line="120" />
            <source>not a file</source>
            <translation>geen bestand</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/importing/__init__.py" line="127" />
            <source>file too large ({0}; limit {1})</source>
            <translation>bestand te groot ({0}; maximaal {1})</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/importing/__init__.py" line="129" />
            <source>empty file</source>
            <translation>leeg bestand</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/importing/__init__.py" line="172" />
            <source>not text (looks like a PDF; rename it to .pdf?)</source>
            <translation>geen tekst (lijkt een pdf; hernoemen naar .pdf?)</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/importing/__init__.py" line="178" />
            <source>empty file (only whitespace)</source>
            <translation>leeg bestand (alleen witruimte)</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/importing/letter.py" line="103" />
            <source>no body text found</source>
            <translation>geen brieftekst gevonden</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/importing/official_xml.py" line="92" />
            <source>XML with a document type or entity declaration refused (unsafe)</source>
            <translation>XML met een documenttype- of entiteitsdeclaratie geweigerd (onveilig)</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/importing/official_xml.py" line="96" />
            <source>not well-formed XML ({0})</source>
            <translation>geen geldige XML ({0})</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/importing/official_xml.py" line="142" />
            <source>this is a metadata record; import the publication XML beside it</source>
            <translation>dit is een metadatabestand; importeer de publicatie-XML ernaast</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/importing/official_xml.py" line="153" />
            <source>no body text found in the XML (not an official publication?)</source>
            <translation>geen brieftekst gevonden in de XML (geen officiële publicatie?)</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/importing/official_xml.py" line="319" />
            <source>file too large ({0} KB; limit {1} KB)</source>
            <translation>bestand te groot ({0} KB; maximaal {1} KB)</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/importing/official_xml.py" line="325" />
            <source>file too large (limit {0} KB)</source>
            <translation>bestand te groot (maximaal {0} KB)</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/importing/pdf.py" line="48" />
            <source>truncated or damaged PDF</source>
            <translation>afgebroken of beschadigde pdf</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/importing/pdf.py" line="53" />
            <source>PDF support is not installed (pypdf)</source>
            <translation>ondersteuning voor pdf is niet geïnstalleerd (pypdf)</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/importing/pdf.py" line="62" />
            <source>encrypted PDF needs the 'cryptography' package</source>
            <translation>voor een versleutelde pdf is het pakket 'cryptography' nodig</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/importing/pdf.py" line="66" />
            <source>damaged PDF (too deeply nested)</source>
            <translation>beschadigde pdf (te diep genest)</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/importing/pdf.py" line="68" />
            <source>PDF too large to read (out of memory)</source>
            <translation>pdf te groot om te lezen (geheugen vol)</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/importing/pdf.py" line="77" />
            <source>no text layer (scanned document)</source>
            <translation>geen tekstlaag (gescand document)</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/importing/pdf.py" line="78" />
            <source>no text in PDF</source>
            <translation>geen tekst in de pdf</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/importing/pdf.py" line="80" />
            <source>page {0} could not be read and was left out</source>
            <translation>pagina {0} kon niet worden gelezen en is weggelaten</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/importing/pdf.py" line="90" />
            <source>page {0} has no text layer (scanned?) and could not be read</source>
            <translation>pagina {0} heeft geen tekstlaag (gescand?) en kon niet worden gelezen</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/importing/pdf.py" line="92" />
            <source>pages {0} have no text layer (scanned?) and could not be read</source>
            <translation>pagina's {0} hebben geen tekstlaag (gescand?) en konden niet worden gelezen</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/importing/pdf.py" line="97" />
            <source>no body text found: scanned or image-only pages?</source>
            <translation>geen brieftekst gevonden: gescande pagina's of alleen afbeeldingen?</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/importing/pdf.py" line="146" />
            <source>not a PDF (unrecognised data)</source>
            <translation>geen pdf (onbekende gegevens)</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/importing/pdf.py" line="148" />
            <source>not a PDF (looks like text; rename it to .txt?)</source>
            <translation>geen pdf (lijkt tekst; hernoemen naar .txt?)</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/importing/pdf.py" line="149" />
            <source>not a PDF</source>
            <translation>geen pdf</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/importing/text.py" line="28" />
            <source>not text (binary data)</source>
            <translation>geen tekst (binaire gegevens)</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/importing/word.py" line="34" />
            <source>old Word format (.doc): open it in Word and save it as .docx</source>
            <translation>oud Word-formaat (.doc): open het in Word en sla het op als .docx</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/importing/word.py" line="45" />
            <source>not a Word document (.docx is a zip file; damaged or renamed?)</source>
            <translation>geen Word-document (een .docx is een zipbestand; beschadigd of hernoemd?)</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/importing/word.py" line="49" />
            <source>not a Word document (no word/document.xml)</source>
            <translation>geen Word-document (geen word/document.xml)</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/importing/word.py" line="57" />
            <source>no text found in the Word document</source>
            <translation>geen tekst gevonden in het Word-document</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/importing/word.py" line="73" />
            <source>encrypted Word document (remove the password in Word first)</source>
            <translation>versleuteld Word-document (verwijder eerst het wachtwoord in Word)</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/importing/word.py" line="75" />
            <source>Word document too large to read ({0} unpacks to {1} MB)</source>
            <translation>Word-document te groot om te lezen ({0} wordt uitgepakt tot {1} MB)</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/importing/word.py" line="79" />
            <source>Word document too large to read ({0})</source>
            <translation>Word-document te groot om te lezen ({0})</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/official.py" line="70" />
            <source>{0}; {1}</source>
            <translation>{0}; {1}</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/official.py" line="149" />
            <source>{0}: answer too large</source>
            <translation>{0}: antwoord te groot</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/official.py" line="153" />
            <source>{0}: not found ({1})</source>
            <translation>{0}: niet gevonden ({1})</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/official.py" line="154" />
            <source>{0}: server error {1}</source>
            <translation>{0}: serverfout {1}</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/official.py" line="158" />
            <source>{0}: no answer within {1} s</source>
            <translation>{0}: geen antwoord binnen {1} s</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/official.py" line="167" />
            <source>the official source cannot be reached ({0}); offline?</source>
            <translation>de officiële bron is niet bereikbaar ({0}); offline?</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/official.py" line="238" />
            <source>not an official publication id ({0})</source>
            <translation>geen id van een officiële publicatie ({0})</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/official.py" line="266" />
            <source>{0}: not a PDF</source>
            <translation>{0}: geen pdf</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/official.py" line="313" />
            <source>dossier {0}: the search service's answer is not usable XML ({1})</source>
            <translation>dossier {0}: het antwoord van de zoekdienst is geen bruikbare XML ({1})</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/official.py" line="315" />
            <source>dossier {0}: the search service's answer is not a search response ({1})</source>
            <translation>dossier {0}: het antwoord van de zoekdienst is geen zoekresultaat ({1})</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/official.py" line="319" />
            <source>dossier {0}: the search service refused the query ({1})</source>
            <translation>dossier {0}: de zoekdienst weigerde de zoekvraag ({1})</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/official.py" line="321" />
            <source>dossier {0}: the search service's answer has no number of records</source>
            <translation>dossier {0}: het antwoord van de zoekdienst noemt geen aantal resultaten</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/official.py" line="337" />
            <source>{0}: the answer is not usable XML ({1})</source>
            <translation>{0}: het antwoord is geen bruikbare XML ({1})</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/official.py" line="339" />
            <source>{0}: the answer is not a publication</source>
            <translation>{0}: het antwoord is geen publicatie</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/official.py" line="408" />
            <source>not fetched: the source cannot be reached</source>
            <translation>niet opgehaald: de bron is niet bereikbaar</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/services/annotations.py" line="26" />
            <source>Span {0}-{1} of letter {2} holds only white space.</source>
            <translation>Het stuk {0}-{1} van brief {2} bevat alleen witruimte.</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/services/history.py" line="58" />
            <source>Nothing to undo.</source>
            <translation>Niets om ongedaan te maken.</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/services/history.py" line="58" />
            <source>Nothing to redo.</source>
            <translation>Niets om opnieuw te doen.</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/services/imports.py" line="270" />
            <source>could not be stored in the library ({0})</source>
            <translation>kon niet in de bibliotheek worden opgeslagen ({0})</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/services/imports.py" line="277" />
            <source>the original could not be copied into the library folder</source>
            <translation>het origineel kon niet naar de bibliotheekmap worden gekopieerd</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/services/letters.py" line="30" />
            <source>Not a Kamerstuk id: {0} (use e.g. kst-28676-467, or 'Kamerstuk 28 676, nr. 467').</source>
            <translation>Geen Kamerstuk-id: {0} (gebruik bijv. kst-28676-467 of 'Kamerstuk 28 676, nr. 467').</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/services/letters.py" line="142" />
            <source>Letter {0} has {1} annotation(s): delete or move them first.</source>
            <translation>Brief {0} heeft {1} annotatie(s): verwijder of verplaats die eerst.</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/services/themes.py" line="38" />
            <source>A theme needs a name.</source>
            <translation>Een thema heeft een naam nodig.</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/services/themes.py" line="40" />
            <source>A theme name cannot contain '/' (it separates parent and child): {0}.</source>
            <translation>Een themanaam kan geen '/' bevatten (die scheidt hoofd- en subthema): {0}.</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/services/themes.py" line="42" />
            <source>A theme name can have at most {0} characters.</source>
            <translation>Een themanaam heeft hoogstens {0} tekens.</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/services/themes.py" line="164" />
            <source>A theme named {0} already exists under {1}.</source>
            <translation>Er bestaat al een thema {0} onder {1}.</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/services/themes.py" line="166" />
            <source>A theme named {0} already exists at the top level.</source>
            <translation>Er bestaat al een thema {0} op het hoogste niveau.</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/services/themes.py" line="241" />
            <source>Theme {0} cannot be moved under itself or one of its sub-themes.</source>
            <translation>Thema {0} kan niet onder zichzelf of een van zijn subthema's worden geplaatst.</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/services/themes.py" line="268" />
            <source>Cannot merge theme {0} into itself.</source>
            <translation>Thema {0} kan niet met zichzelf worden samengevoegd.</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/services/themes.py" line="270" />
            <source>Cannot merge {0} into its own sub-theme {1}.</source>
            <translation>{0} kan niet worden samengevoegd met zijn eigen subthema {1}.</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/services/themes.py" line="298" />
            <source>Theme {0} is used by {1} annotation(s); delete it anyway with force (the annotations stay, without this theme).</source>
            <translation>Thema {0} wordt gebruikt door {1} annotatie(s); verwijder het toch om door te gaan (de annotaties blijven, zonder dit thema).</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/store/db.py" line="89" />
            <source>The library {0} is already open in another Kamerlezer window or command{1}. Close it there first, or give --wait SECONDS (only one program at a time may change a library; reading commands work meanwhile).</source>
            <translation>De bibliotheek {0} is al geopend in een ander Kamerlezer-venster of -commando{1}. Sluit haar daar eerst (maar één programma tegelijk kan een bibliotheek wijzigen; lezen kan intussen wel).</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/store/db.py" line="93" />
            <source> (waited {0} s)</source>
            <translation> ({0} s gewacht)</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/store/db.py" line="247" />
            <source>{0} MB free</source>
            <translation>{0} MB vrij</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/store/db.py" line="247" />
            <source>free space unknown</source>
            <translation>vrije ruimte onbekend</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/store/db.py" line="248" />
            <source>disk full ({0} on the disk of {1}): make room and try again; nothing in the library was changed or lost, and reading commands still work.</source>
            <translation>schijf vol ({0} op de schijf van {1}): maak ruimte en probeer het opnieuw; er is niets in de bibliotheek gewijzigd of verloren gegaan, en lezen werkt nog.</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/core/store/db.py" line="255" />
            <source>{0}: the library database is damaged ({1}). Run 'kamerlezer check' to see where, then 'kamerlezer restore' to put back the newest good backup (see 'kamerlezer backups').</source>
            <translation>{0}: de database van de bibliotheek is beschadigd ({1}). Voer 'kamerlezer check' uit om te zien waar, en daarna 'kamerlezer restore' om de nieuwste goede reservekopie terug te zetten (zie 'kamerlezer backups').</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/render/common.py" line="41" />
            <source>{0}: the folder {1} does not exist.</source>
            <translation>{0}: de map {1} bestaat niet.</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/render/common.py" line="45" />
            <source>{0}: cannot write in {1} ({2}).</source>
            <translation>{0}: kan niet schrijven in {1} ({2}).</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/render/common.py" line="51" />
            <source>{0}: could not be written ({1}).</source>
            <translation>{0}: kon niet worden geschreven ({1}).</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/render/common.py" line="62" />
            <source>{0}: is not a regular file (a device or a process's stream); export to a file name instead.</source>
            <translation>{0}: is geen gewoon bestand (een apparaat of de uitvoer van een proces); exporteer naar een bestandsnaam.</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/render/common.py" line="67" />
            <source>{0}: the symbolic link cannot be followed ({1}).</source>
            <translation>{0}: de symbolische koppeling kan niet worden gevolgd ({1}).</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/render/common.py" line="69" />
            <source>{0}: is not a regular file (it leads to {1}); export to a file name instead.</source>
            <translation>{0}: is geen gewoon bestand (het leidt naar {1}); exporteer naar een bestandsnaam.</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/render/common.py" line="75" />
            <source>{0}: cannot be checked ({1}).</source>
            <translation>{0}: kan niet worden gecontroleerd ({1}).</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/render/common.py" line="77" />
            <source>{0}: is a folder; give a file name to export to.</source>
            <translation>{0}: is een map; geef een bestandsnaam om naar te exporteren.</translation>
        </message>
        <message>
            <location filename="../../../desktop_app/render/common.py" line="79" />
            <source>{0}: is not a regular file ({1}); export to a file name instead.</source>
            <translation>{0}: is geen gewoon bestand ({1}); exporteer naar een bestandsnaam.</translation>
        </message>
    </context>
</TS>
