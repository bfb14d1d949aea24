<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en">
    <context>
        <name>ImportSummaryDialog</name>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/dialogs.py" line="317" />
            <source>%n failed</source>
            <translation>
                <numerusform>%n failed</numerusform>
                <numerusform>%n failed</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/dialogs.py" line="341" />
            <source>%n imported</source>
            <translation>
                <numerusform>%n imported</numerusform>
                <numerusform>%n imported</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/dialogs.py" line="347" />
            <source>%n updated</source>
            <translation>
                <numerusform>%n updated</numerusform>
                <numerusform>%n updated</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/dialogs.py" line="349" />
            <source>%n already in the library</source>
            <translation>
                <numerusform>%n already in the library</numerusform>
                <numerusform>%n already in the library</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
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
                <numerusform>%n letter</numerusform>
                <numerusform>%n letters</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/main_window.py" line="639" />
            <source>%n letter(s)</source>
            <translation>
                <numerusform>%n letter</numerusform>
                <numerusform>%n letters</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/main_window.py" line="639" />
            <source>{shown} of %n letter(s)</source>
            <translation>
                <numerusform>{shown} of %n letter</numerusform>
                <numerusform>{shown} of %n letters</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/main_window.py" line="744" />
            <source>Library: {folder} · %n letter(s)</source>
            <translation>
                <numerusform>Library: {folder} · %n letter</numerusform>
                <numerusform>Library: {folder} · %n letters</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>FetchStrip</name>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/missing.py" line="70" />
            <source>%n citation(s) now point(s) at it.</source>
            <translation>
                <numerusform>%n citation now points at it.</numerusform>
                <numerusform>%n citations now point at it.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/missing.py" line="72" />
            <source>%n citation(s) now point(s) at them.</source>
            <translation>
                <numerusform>%n citation now points at them.</numerusform>
                <numerusform>%n citations now point at them.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MissingDocumentsDialog</name>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/missing.py" line="449" />
            <source>Not in your library: %n cited document(s), {count} of which can be fetched from the official source. Enter on a citing letter opens the citation; select documents and Fetch to bring them in.</source>
            <translation>
                <numerusform>Not in your library: %n cited document, {count} of which can be fetched from the official source. Enter on a citing letter opens the citation; select documents and Fetch to bring them in.</numerusform>
                <numerusform>Not in your library: %n cited documents, {count} of which can be fetched from the official source. Enter on a citing letter opens the citation; select documents and Fetch to bring them in.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Models</name>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/models.py" line="362" />
            <source>%n match(es)</source>
            <translation>
                <numerusform>%n match</numerusform>
                <numerusform>%n matches</numerusform>
            </translation>
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
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/passages.py" line="412" />
            <source>{shown} of %n passage(s)</source>
            <translation>
                <numerusform>{shown} of %n passage</numerusform>
                <numerusform>{shown} of %n passages</numerusform>
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
    </context>
    <context>
        <name>FlowsMixin</name>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/window_flows.py" line="101" />
            <source>%n fetched</source>
            <translation>
                <numerusform>%n fetched</numerusform>
                <numerusform>%n fetched</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/window_flows.py" line="101" />
            <source>%n citation(s) now point(s) at them</source>
            <translation>
                <numerusform>%n citation now points at them</numerusform>
                <numerusform>%n citations now point at them</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/window_flows.py" line="218" />
            <source>Search index rebuilt: %n letter(s).</source>
            <translation>
                <numerusform>Search index rebuilt: %n letter.</numerusform>
                <numerusform>Search index rebuilt: %n letters.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/window_flows.py" line="272" />
            <source>Exported %n passage(s) to {path}</source>
            <translation>
                <numerusform>Exported %n passage to {path}</numerusform>
                <numerusform>Exported %n passages to {path}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/window_flows.py" line="278" />
            <source>Exported %n passage(s) to {path}, but:</source>
            <translation>
                <numerusform>Exported %n passage to {path}, but:</numerusform>
                <numerusform>Exported %n passages to {path}, but:</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PanelsMixin</name>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/window_panels.py" line="328" />
            <source>%n annotation(s) and the sub-themes of “{name}” move to “{target}”; then “{name}” is deleted. Edit &gt; Undo reverses this.</source>
            <translation>
                <numerusform>%n annotation and the sub-themes of “{name}” move to “{target}”; then “{name}” is deleted. Edit &gt; Undo reverses this.</numerusform>
                <numerusform>%n annotations and the sub-themes of “{name}” move to “{target}”; then “{name}” is deleted. Edit &gt; Undo reverses this.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/window_panels.py" line="342" />
            <source>%n annotation(s) use(s) it. The annotations are kept; they only lose this theme.</source>
            <translation>
                <numerusform>%n annotation uses it. The annotations are kept; they only lose this theme.</numerusform>
                <numerusform>%n annotations use it. The annotations are kept; they only lose this theme.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/window_panels.py" line="347" />
            <source>Its %n sub-theme(s) ({names}) move(s) up into “{parent}”.</source>
            <translation>
                <numerusform>Its %n sub-theme ({names}) moves up into “{parent}”.</numerusform>
                <numerusform>Its %n sub-themes ({names}) move up into “{parent}”.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/window_panels.py" line="349" />
            <source>Its %n sub-theme(s) ({names}) move(s) up to the top level.</source>
            <translation>
                <numerusform>Its %n sub-theme ({names}) moves up to the top level.</numerusform>
                <numerusform>Its %n sub-themes ({names}) move up to the top level.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ReaderMixin</name>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/window_reader.py" line="123" />
            <source>%n page(s)</source>
            <translation>
                <numerusform>%n page</numerusform>
                <numerusform>%n pages</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/window_reader.py" line="371" />
            <source>%n letter(s)</source>
            <translation>
                <numerusform>%n letter</numerusform>
                <numerusform>%n letters</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../../desktop_app/gui/window_reader.py" line="371" />
            <source>%n match(es)</source>
            <translation>
                <numerusform>%n match</numerusform>
                <numerusform>%n matches</numerusform>
            </translation>
        </message>
    </context>
</TS>
