<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AlertRules</name>
    <message>
        <source>response</source>
        <translation>Reaktionszeit</translation>
    </message>
    <message>
        <source>resolution</source>
        <translation>Lösungszeit</translation>
    </message>
    <message>
        <source>%1 breached its %2 target (P%3)</source>
        <translation>%1: Ziel für die %2 verletzt (P%3)</translation>
    </message>
    <message>
        <source>%1 has used %2 % of its %3 target (P%4)</source>
        <translation>%1: %2 % des Ziels für die %3 verbraucht (P%4)</translation>
    </message>
    <message>
        <source>%1 was escalated (P%2)</source>
        <translation>%1 wurde eskaliert (P%2)</translation>
    </message>
    <message>
        <source>%1 was escalated (P%2): %3</source>
        <translation>%1 wurde eskaliert (P%2): %3</translation>
    </message>
</context>
<context>
    <name>CsvReader</name>
    <message>
        <source>line %1: the file is not UTF-8 text</source>
        <translation>Zeile %1: Die Datei ist kein UTF-8-Text</translation>
    </message>
    <message>
        <source>line %1: a quoted field opened on this line is not closed before the end of the file</source>
        <translation>Zeile %1: Ein in dieser Zeile begonnenes Feld in Anführungszeichen wird vor dem Dateiende nicht geschlossen</translation>
    </message>
    <message>
        <source>line %1: a quote inside an unquoted field (quote the whole field and double the quote)</source>
        <translation>Zeile %1: Anführungszeichen in einem Feld ohne Anführungszeichen (setzen Sie das ganze Feld in Anführungszeichen und verdoppeln Sie das Anführungszeichen)</translation>
    </message>
    <message>
        <source>line %1: unexpected text after the closing quote of a field</source>
        <translation>Zeile %1: Unerwarteter Text nach dem schließenden Anführungszeichen eines Feldes</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>%1 is locked by another program (%2). Close the other program or try again.</source>
        <translation>%1 ist durch ein anderes Programm gesperrt (%2). Schließen Sie das andere Programm oder versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>%1 is read-only (%2). Check the file&apos;s permissions.</source>
        <translation>%1 ist schreibgeschützt (%2). Prüfen Sie die Berechtigungen der Datei.</translation>
    </message>
    <message>
        <source>%1 is damaged or is not a Nocturne database (%2). Restore it from a backup.</source>
        <translation>%1 ist beschädigt oder keine Nocturne-Datenbank (%2). Stellen Sie die Datei aus einer Sicherung wieder her.</translation>
    </message>
    <message>
        <source>Cannot open %1 (%2).</source>
        <translation>%1 kann nicht geöffnet werden (%2).</translation>
    </message>
    <message>
        <source>Database error in %1: %2</source>
        <translation>Datenbankfehler in %1: %2</translation>
    </message>
    <message>
        <source>%1 does not exist. Create it with &quot;nocturnectl --db %1 init&quot;.</source>
        <translation>%1 existiert nicht. Legen Sie die Datenbank mit „nocturnectl --db %1 init“ an.</translation>
    </message>
    <message>
        <source>Cannot create %1: the folder %2 is not writable.</source>
        <translation>%1 kann nicht angelegt werden: Der Ordner %2 ist nicht beschreibbar.</translation>
    </message>
    <message>
        <source>%1 is a folder, not a database file.</source>
        <translation>%1 ist ein Ordner, keine Datenbankdatei.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is not an SQLite database (its header is wrong): the file is damaged or is something else. It was not changed.</source>
        <translation>%1 ist keine SQLite-Datenbank (der Dateikopf ist falsch): Die Datei ist beschädigt oder etwas anderes. Sie wurde nicht verändert.</translation>
    </message>
    <message>
        <source>%1 is damaged: it is not a whole number of database pages, so it was cut short or overwritten. Restore it from a backup. It was not changed.</source>
        <translation>%1 ist beschädigt: Die Datei besteht nicht aus einer ganzen Zahl von Datenbankseiten, wurde also gekürzt oder überschrieben. Stellen Sie sie aus einer Sicherung wieder her. Sie wurde nicht verändert.</translation>
    </message>
    <message>
        <source>%1 is read-only. Nocturne needs to write to it; check the file&apos;s permissions.</source>
        <translation>%1 ist schreibgeschützt. Nocturne muss in die Datei schreiben; prüfen Sie ihre Berechtigungen.</translation>
    </message>
    <message>
        <source>The folder of %1 is read-only; SQLite needs to create its journal files there.</source>
        <translation>Der Ordner von %1 ist schreibgeschützt; SQLite muss dort seine Journaldateien anlegen.</translation>
    </message>
    <message>
        <source>%1 was written by a newer Nocturne (schema version %2; this program knows up to %3). Update Nocturne to open it.</source>
        <translation>%1 wurde von einer neueren Nocturne-Version geschrieben (Schemaversion %2; dieses Programm kennt Versionen bis %3). Aktualisieren Sie Nocturne, um die Datei zu öffnen.</translation>
    </message>
    <message>
        <source>%1 is not a Nocturne database yet. Initialise it with &quot;nocturnectl --db %1 init&quot;.</source>
        <translation>%1 ist noch keine Nocturne-Datenbank. Initialisieren Sie sie mit „nocturnectl --db %1 init“.</translation>
    </message>
    <message>
        <source>%1 is an SQLite database of another program, not a Nocturne database. It was not changed.</source>
        <translation>%1 ist eine SQLite-Datenbank eines anderen Programms, keine Nocturne-Datenbank. Sie wurde nicht verändert.</translation>
    </message>
    <message>
        <source>Cannot upgrade %1: %2</source>
        <translation>%1 kann nicht aktualisiert werden: %2</translation>
    </message>
</context>
<context>
    <name>Duration</name>
    <message>
        <source>%1d %2h</source>
        <translation>%1 T %2 h</translation>
    </message>
    <message>
        <source>%1h %2m</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1m</source>
        <translation>%1 min</translation>
    </message>
</context>
<context>
    <name>Event</name>
    <message>
        <source>event &quot;%1&quot;: the id and the incident id must be UUIDs</source>
        <translation>Ereignis „%1“: Die ID und die Incident-ID müssen UUIDs sein</translation>
    </message>
    <message>
        <source>event %1: the actor and the origin node must be named</source>
        <translation>Ereignis %1: Akteur und Ursprungsknoten müssen angegeben sein</translation>
    </message>
    <message>
        <source>event %1: its time or clock counter is out of range</source>
        <translation>Ereignis %1: Zeit oder Uhrzähler liegt außerhalb des gültigen Bereichs</translation>
    </message>
</context>
<context>
    <name>EventStore</name>
    <message>
        <source>The time %1 is not plausible for an incident (before 2000)</source>
        <translation>Die Zeit %1 ist für einen Incident nicht plausibel (vor 2000)</translation>
    </message>
    <message>
        <source>The time %1 is in the future</source>
        <translation>Die Zeit %1 liegt in der Zukunft</translation>
    </message>
    <message>
        <source>The start %1 must be before the report time %2</source>
        <translation>Der Beginn %1 muss vor der Meldezeit %2 liegen</translation>
    </message>
    <message>
        <source>was opened</source>
        <translation>eröffnet wurde</translation>
    </message>
    <message>
        <source>was acknowledged</source>
        <translation>angenommen wurde</translation>
    </message>
    <message>
        <source>was resolved</source>
        <translation>gelöst wurde</translation>
    </message>
    <message>
        <source>The time %1 is before %2 %3 (%4)</source>
        <translation>Die Zeit %1 liegt vor dem Zeitpunkt, an dem %2 %3 (%4)</translation>
    </message>
    <message>
        <source>No incident %1</source>
        <translation>Kein Incident %1</translation>
    </message>
    <message>
        <source>%1 already has an event for rule %2</source>
        <translation>%1 hat bereits ein Ereignis für Regel %2</translation>
    </message>
    <message>
        <source>Event %1 is already stored with different content</source>
        <translation>Ereignis %1 ist bereits mit anderem Inhalt gespeichert</translation>
    </message>
</context>
<context>
    <name>EventSummary</name>
    <message>
        <source>Opened as %1: %2</source>
        <translation>Eröffnet als %1: %2</translation>
    </message>
    <message>
        <source>Opened %1 as %2: %3</source>
        <translation>%1 eröffnet als %2: %3</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Angenommen</translation>
    </message>
    <message>
        <source>Assigned to %1 / %2</source>
        <translation>Zugewiesen an %1 / %2</translation>
    </message>
    <message>
        <source>Assigned to %1</source>
        <translation>Zugewiesen an %1</translation>
    </message>
    <message>
        <source>Priority set to %1 (impact %2, urgency %3)</source>
        <translation>Priorität auf %1 gesetzt (Auswirkung %2, Dringlichkeit %3)</translation>
    </message>
    <message>
        <source>On hold: %1</source>
        <translation>Zurückgestellt: %1</translation>
    </message>
    <message>
        <source>Resumed work</source>
        <translation>Bearbeitung fortgesetzt</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <source>Cancelled: %1</source>
        <translation>Storniert: %1</translation>
    </message>
    <message>
        <source>Resolved (%1)</source>
        <translation>Gelöst (%1)</translation>
    </message>
    <message>
        <source>Resolved (%1): %2</source>
        <translation>Gelöst (%1): %2</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>Wiedereröffnet</translation>
    </message>
    <message>
        <source>Reopened: %1</source>
        <translation>Wiedereröffnet: %1</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>Geändert: %1</translation>
    </message>
    <message>
        <source>Escalated to %1 (level %2): %3</source>
        <translation>Eskaliert an %1 (Stufe %2): %3</translation>
    </message>
    <message>
        <source>Alert attached: %1</source>
        <translation>Alarm angehängt: %1</translation>
    </message>
    <message>
        <source>Linked to problem %1</source>
        <translation>Mit Problem %1 verknüpft</translation>
    </message>
</context>
<context>
    <name>EventWire</name>
    <message>
        <source>unknown field &quot;%1&quot;</source>
        <translation>unbekanntes Feld „%1“</translation>
    </message>
    <message>
        <source>the field &quot;%1&quot; is missing</source>
        <translation>das Feld „%1“ fehlt</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a string</source>
        <translation>„%1“ muss eine Zeichenkette sein</translation>
    </message>
    <message>
        <source>&quot;payload&quot; must be an object</source>
        <translation>„payload“ muss ein Objekt sein</translation>
    </message>
    <message>
        <source>&quot;occurred_at&quot; must be an integer (UTC milliseconds since 1970)</source>
        <translation>„occurred_at“ muss eine ganze Zahl sein (UTC-Millisekunden seit 1970)</translation>
    </message>
    <message>
        <source>unknown event kind &quot;%1&quot;</source>
        <translation>unbekannte Ereignisart „%1“</translation>
    </message>
    <message>
        <source>&quot;hlc&quot; is not a clock timestamp: &quot;%1&quot;</source>
        <translation>„hlc“ ist kein Uhr-Zeitstempel: „%1“</translation>
    </message>
    <message>
        <source>&quot;server_revision&quot; must be a positive integer</source>
        <translation>„server_revision“ muss eine positive ganze Zahl sein</translation>
    </message>
    <message>
        <source>the content hash does not match the event&apos;s content</source>
        <translation>der Inhalts-Hash passt nicht zum Inhalt des Ereignisses</translation>
    </message>
</context>
<context>
    <name>HandoverReport</name>
    <message>
        <source>%1 breached</source>
        <translation>%1 verletzt</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 bei %2</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Reaktion</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Lösung</translation>
    </message>
    <message>
        <source>Breach risk %1</source>
        <translation>Verletzungsrisiko %1</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Eröffnet</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Angenommen</translation>
    </message>
    <message>
        <source>Reassigned</source>
        <translation>Neu zugewiesen</translation>
    </message>
    <message>
        <source>Priority changed</source>
        <translation>Priorität geändert</translation>
    </message>
    <message>
        <source>Put on hold</source>
        <translation>Zurückgestellt</translation>
    </message>
    <message>
        <source>Resumed</source>
        <translation>Fortgesetzt</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Gelöst</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>Wiedereröffnet</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>Eskaliert</translation>
    </message>
    <message>
        <source>Shift handover</source>
        <translation>Schichtübergabe</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Shift: %1 – %2 (end exclusive)</source>
        <translation>Schicht: %1 – %2 (Ende ausschließlich)</translation>
    </message>
    <message>
        <source>site %1</source>
        <translation>Standort %1</translation>
    </message>
    <message>
        <source>group %1</source>
        <translation>Gruppe %1</translation>
    </message>
    <message>
        <source>Scope: %1</source>
        <translation>Umfang: %1</translation>
    </message>
    <message>
        <source>all incidents</source>
        <translation>alle Incidents</translation>
    </message>
    <message>
        <source>Time zone: %1</source>
        <translation>Zeitzone: %1</translation>
    </message>
    <message>
        <source>Generated at: %1</source>
        <translation>Erstellt am: %1</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Open at the shift end</source>
        <translation>Offen bei Schichtende</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>Gefährdet</translation>
    </message>
    <message>
        <source>Opened during the shift</source>
        <translation>Während der Schicht eröffnet</translation>
    </message>
    <message>
        <source>Resolved during the shift</source>
        <translation>Während der Schicht gelöst</translation>
    </message>
    <message>
        <source>Escalations</source>
        <translation>Eskalationen</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>Incident</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Zugewiesen an</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <source>SLA</source>
        <translation>SLA</translation>
    </message>
    <message>
        <source>No incidents were open at the shift end.</source>
        <translation>Bei Schichtende waren keine Incidents offen.</translation>
    </message>
    <message>
        <source>no policy</source>
        <translation>keine Richtlinie</translation>
    </message>
    <message>
        <source>response breached</source>
        <translation>Reaktion verletzt</translation>
    </message>
    <message>
        <source>response %1</source>
        <translation>Reaktion %1</translation>
    </message>
    <message>
        <source>resolution breached</source>
        <translation>Lösung verletzt</translation>
    </message>
    <message>
        <source>resolution %1</source>
        <translation>Lösung %1</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <source>unassigned</source>
        <translation>nicht zugewiesen</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Resolution due</source>
        <translation>Lösung fällig</translation>
    </message>
    <message>
        <source>No open incident is at risk.</source>
        <translation>Kein offener Incident ist gefährdet.</translation>
    </message>
    <message>
        <source>Open incidents</source>
        <translation>Offene Incidents</translation>
    </message>
    <message>
        <source>Clocks evaluated at the shift end: breached, %1 or more of a target used, or a breach forecast of %2 or more.</source>
        <translation>SLA-Uhren, ausgewertet bei Schichtende: verletzt, mindestens %1 eines Ziels verbraucht oder eine prognostizierte Verletzungswahrscheinlichkeit von mindestens %2.</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Nothing changed during the shift.</source>
        <translation>Während der Schicht hat sich nichts geändert.</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Änderungen</translation>
    </message>
    <message>
        <source>%1 %2 (%3)</source>
        <translation>%1 %2 (%3)</translation>
    </message>
    <message>
        <source>What changed during the shift</source>
        <translation>Was sich während der Schicht geändert hat</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>No escalations during the shift.</source>
        <translation>Keine Eskalationen während der Schicht.</translation>
    </message>
    <message>
        <source>Supervisor&apos;s notes</source>
        <translation>Notizen der Schichtleitung</translation>
    </message>
    <message>
        <source>No notes.</source>
        <translation>Keine Notizen.</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>the row has %1 fields, the header %2</source>
        <translation>der Datensatz hat %1 Felder, die Kopfzeile %2</translation>
    </message>
    <message>
        <source>line 1: the file is empty; an export starts with a header row</source>
        <translation>Zeile 1: Die Datei ist leer; ein Export beginnt mit einer Kopfzeile</translation>
    </message>
</context>
<context>
    <name>ImportDates</name>
    <message>
        <source>the date format &quot;%1&quot; uses &quot;%2&quot;, which an import cannot read</source>
        <translation>das Datumsformat „%1“ verwendet „%2“, das ein Import nicht lesen kann</translation>
    </message>
    <message>
        <source>the date format &quot;%1&quot; must name the day (d), the month (M) and the year (yy or yyyy)</source>
        <translation>das Datumsformat „%1“ muss Tag (d), Monat (M) und Jahr (yy oder yyyy) enthalten</translation>
    </message>
    <message>
        <source>the date format &quot;%1&quot; has a 12-hour clock (h) but no AM/PM (AP)</source>
        <translation>das Datumsformat „%1“ hat eine 12-Stunden-Uhr (h), aber kein AM/PM (AP)</translation>
    </message>
</context>
<context>
    <name>ImportWriter</name>
    <message>
        <source>%1: fields changed after it was resolved were not applied</source>
        <translation>%1: Nach der Lösung geänderte Felder wurden nicht übernommen</translation>
    </message>
    <message>
        <source>%1: both %1 and %2 belong to other incidents</source>
        <translation>%1: Sowohl %1 als auch %2 gehören zu anderen Incidents</translation>
    </message>
    <message>
        <source>%1: its %2 event from row %3 differs from the one imported before; the stored one is kept</source>
        <translation>%1: Das Ereignis „%2“ aus Datensatz %3 weicht vom zuvor importierten ab; das gespeicherte bleibt erhalten</translation>
    </message>
    <message>
        <source>unknown time zone &quot;%1&quot; (an IANA name such as Europe/Berlin)</source>
        <translation>unbekannte Zeitzone „%1“ (ein IANA-Name wie Europe/Berlin)</translation>
    </message>
    <message>
        <source>unknown source &quot;%1&quot; (servicenow or jira)</source>
        <translation>unbekannte Quelle „%1“ (servicenow oder jira)</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
</context>
<context>
    <name>JiraImporter</name>
    <message>
        <source>line 1: the header has no &quot;Issue key&quot; column; is this a Jira CSV export?</source>
        <translation>Zeile 1: Die Kopfzeile hat keine Spalte „Issue key“; ist dies ein Jira-CSV-Export?</translation>
    </message>
    <message>
        <source>no Issue key</source>
        <translation>kein Issue key</translation>
    </message>
    <message>
        <source>%1 appears twice; the first row was imported</source>
        <translation>%1 kommt zweimal vor; der erste Datensatz wurde importiert</translation>
    </message>
    <message>
        <source>%1: cannot read the date &quot;%2&quot; in %3 (formats tried: %4)</source>
        <translation>%1: Das Datum „%2“ in %3 kann nicht gelesen werden (versuchte Formate: %4)</translation>
    </message>
    <message>
        <source>%1: no Created date</source>
        <translation>%1: kein Datum in „Created“</translation>
    </message>
    <message>
        <source>%1: unknown Priority &quot;%2&quot; (Highest, High, Medium, Low or Lowest)</source>
        <translation>%1: unbekannte Priority „%2“ (Highest, High, Medium, Low oder Lowest)</translation>
    </message>
    <message>
        <source>%1: satisfaction &quot;%2&quot; is not 1 to 5</source>
        <translation>%1: Zufriedenheit „%2“ liegt nicht zwischen 1 und 5</translation>
    </message>
</context>
<context>
    <name>KpiFilter</name>
    <message>
        <source>All incidents</source>
        <translation>Alle Incidents</translation>
    </message>
</context>
<context>
    <name>KpiMeasure</name>
    <message>
        <source>Mean time to detect</source>
        <translation>Mittlere Zeit bis zur Erkennung</translation>
    </message>
    <message>
        <source>Mean time to acknowledge</source>
        <translation>Mittlere Zeit bis zur Annahme</translation>
    </message>
    <message>
        <source>Mean time to resolve</source>
        <translation>Mittlere Zeit bis zur Lösung</translation>
    </message>
    <message>
        <source>Mean time to acknowledge (business hours)</source>
        <translation>Mittlere Zeit bis zur Annahme (Geschäftszeit)</translation>
    </message>
    <message>
        <source>Mean time to resolve (business hours)</source>
        <translation>Mittlere Zeit bis zur Lösung (Geschäftszeit)</translation>
    </message>
    <message>
        <source>Mean time to resolve, critical</source>
        <translation>Mittlere Zeit bis zur Lösung, kritisch</translation>
    </message>
    <message>
        <source>First-contact resolution</source>
        <translation>Erstlösungsquote</translation>
    </message>
    <message>
        <source>Response SLA compliance</source>
        <translation>Einhaltung des Reaktions-SLA</translation>
    </message>
    <message>
        <source>Resolution SLA compliance</source>
        <translation>Einhaltung des Lösungs-SLA</translation>
    </message>
    <message>
        <source>Reopen rate</source>
        <translation>Wiedereröffnungsquote</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Volumen</translation>
    </message>
    <message>
        <source>Backlog</source>
        <translation>Backlog</translation>
    </message>
    <message>
        <source>Availability</source>
        <translation>Verfügbarkeit</translation>
    </message>
    <message>
        <source>Customer satisfaction</source>
        <translation>Kundenzufriedenheit</translation>
    </message>
</context>
<context>
    <name>KpiReportDocument</name>
    <message>
        <source>met</source>
        <translation>erreicht</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>verfehlt</translation>
    </message>
    <message>
        <source>no target</source>
        <translation>kein Ziel</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>keine Daten</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Outages</source>
        <translation>Ausfälle</translation>
    </message>
    <message>
        <source>Outage time</source>
        <translation>Ausfallzeit</translation>
    </message>
    <message>
        <source>Availability</source>
        <translation>Verfügbarkeit</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>No services or configuration items with incidents in the period.</source>
        <translation>Keine Services oder Konfigurationselemente mit Incidents im Zeitraum.</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <source>Cumulative share</source>
        <translation>Kumulierter Anteil</translation>
    </message>
    <message>
        <source>No incidents opened in the period.</source>
        <translation>Im Zeitraum wurden keine Incidents eröffnet.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>detected − started; incidents opened in the period (mean and median)</source>
        <translation>Erkennung − Beginn; im Zeitraum eröffnete Incidents (Mittelwert und Median)</translation>
    </message>
    <message>
        <source>acknowledged − opened; incidents opened in the period and acknowledged</source>
        <translation>Annahme − Eröffnung; im Zeitraum eröffnete und angenommene Incidents</translation>
    </message>
    <message>
        <source>resolved − opened; incidents resolved in the period</source>
        <translation>Lösung − Eröffnung; im Zeitraum gelöste Incidents</translation>
    </message>
    <message>
        <source>MTTA counted in business time of the incident&apos;s SLA calendar</source>
        <translation>MTTA, gezählt in der Geschäftszeit des SLA-Kalenders des Incidents</translation>
    </message>
    <message>
        <source>MTTR counted in business time of the incident&apos;s SLA calendar</source>
        <translation>MTTR, gezählt in der Geschäftszeit des SLA-Kalenders des Incidents</translation>
    </message>
    <message>
        <source>MTTR of P1 incidents</source>
        <translation>MTTR der P1-Incidents</translation>
    </message>
    <message>
        <source>resolved with no reassignment and no escalation ÷ resolved, in the period</source>
        <translation>ohne Neuzuweisung und ohne Eskalation gelöst ÷ gelöst, im Zeitraum</translation>
    </message>
    <message>
        <source>response clocks met ÷ response clocks decided; incidents opened in the period</source>
        <translation>eingehaltene ÷ entschiedene Reaktionsuhren; im Zeitraum eröffnete Incidents</translation>
    </message>
    <message>
        <source>resolution clocks met ÷ decided; incidents resolved in the period</source>
        <translation>eingehaltene ÷ entschiedene Lösungsuhren; im Zeitraum gelöste Incidents</translation>
    </message>
    <message>
        <source>resolved in the period and reopened at least once ÷ resolved</source>
        <translation>im Zeitraum gelöst und mindestens einmal wiedereröffnet ÷ gelöst</translation>
    </message>
    <message>
        <source>incidents opened in the period</source>
        <translation>im Zeitraum eröffnete Incidents</translation>
    </message>
    <message>
        <source>incidents open at the end of the period</source>
        <translation>am Ende des Zeitraums offene Incidents</translation>
    </message>
    <message>
        <source>1 − merged outage time ÷ period; outages are impact-1 incidents from started to resolved</source>
        <translation>1 − zusammengefasste Ausfallzeit ÷ Zeitraum; Ausfälle sind Incidents mit Auswirkung 1 von Beginn bis Lösung</translation>
    </message>
    <message>
        <source>mean score (1–5) of incidents resolved in the period that have one</source>
        <translation>mittlere Bewertung (1–5) der im Zeitraum gelösten Incidents, sofern vorhanden</translation>
    </message>
    <message>
        <source>KPI report</source>
        <translation>KPI-Bericht</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Period: %1 – %2 (end exclusive)</source>
        <translation>Zeitraum: %1 – %2 (Ende ausschließlich)</translation>
    </message>
    <message>
        <source>Filters: %1</source>
        <translation>Filter: %1</translation>
    </message>
    <message>
        <source>none (all incidents)</source>
        <translation>keine (alle Incidents)</translation>
    </message>
    <message>
        <source>Time zone: %1</source>
        <translation>Zeitzone: %1</translation>
    </message>
    <message>
        <source>Generated at: %1</source>
        <translation>Erstellt am: %1</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Incidents opened</source>
        <translation>Eröffnete Incidents</translation>
    </message>
    <message>
        <source>Incidents resolved</source>
        <translation>Gelöste Incidents</translation>
    </message>
    <message>
        <source>Open at the end of the period</source>
        <translation>Offen am Ende des Zeitraums</translation>
    </message>
    <message>
        <source>Incidents matching the filters (any time)</source>
        <translation>Incidents, die den Filtern entsprechen (beliebiger Zeitpunkt)</translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation>Vorheriger Zeitraum</translation>
    </message>
    <message>
        <source>KPI</source>
        <translation>KPI</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Definition</source>
        <translation>Definition</translation>
    </message>
    <message>
        <source>Definitions</source>
        <translation>Definitionen</translation>
    </message>
    <message>
        <source>Full definitions and targets: docs/kpi.md</source>
        <translation>Vollständige Definitionen und Ziele: docs/kpi.md</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Veränderung</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>Stichproben</translation>
    </message>
    <message>
        <source>No KPIs were computed.</source>
        <translation>Es wurden keine KPIs berechnet.</translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation>Kennzahlen</translation>
    </message>
    <message>
        <source>Week of</source>
        <translation>Woche vom</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Eröffnet</translation>
    </message>
    <message>
        <source>P1</source>
        <translation>P1</translation>
    </message>
    <message>
        <source>P2</source>
        <translation>P2</translation>
    </message>
    <message>
        <source>P3</source>
        <translation>P3</translation>
    </message>
    <message>
        <source>P4</source>
        <translation>P4</translation>
    </message>
    <message>
        <source>P5</source>
        <translation>P5</translation>
    </message>
    <message>
        <source>MTTA mean</source>
        <translation>MTTA Mittelwert</translation>
    </message>
    <message>
        <source>MTTA median</source>
        <translation>MTTA Median</translation>
    </message>
    <message>
        <source>MTTR mean</source>
        <translation>MTTR Mittelwert</translation>
    </message>
    <message>
        <source>MTTR median</source>
        <translation>MTTR Median</translation>
    </message>
    <message>
        <source>The period has no weeks.</source>
        <translation>Der Zeitraum umfasst keine Wochen.</translation>
    </message>
    <message>
        <source>By week</source>
        <translation>Pro Woche</translation>
    </message>
    <message>
        <source>Weeks start on Monday 00:00 in %1; the first and last may be partial.</source>
        <translation>Wochen beginnen montags um 00:00 in %1; die erste und die letzte Woche können unvollständig sein.</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Response met / decided</source>
        <translation>Reaktion eingehalten / entschieden</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Reaktion</translation>
    </message>
    <message>
        <source>Resolution met / decided</source>
        <translation>Lösung eingehalten / entschieden</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Lösung</translation>
    </message>
    <message>
        <source>SLA compliance by priority</source>
        <translation>SLA-Einhaltung nach Priorität</translation>
    </message>
    <message>
        <source>Targets: response ≥ %1, resolution ≥ %2.</source>
        <translation>Ziele: Reaktion ≥ %1, Lösung ≥ %2.</translation>
    </message>
    <message>
        <source>Availability by service</source>
        <translation>Verfügbarkeit nach Service</translation>
    </message>
    <message>
        <source>Targets: equipment (warehouse, retail) ≥ %1, website and digital ≥ %2, unless a service has its own.</source>
        <translation>Ziele: Anlagen (Lager, Handel) ≥ %1, Website und Digitales ≥ %2, sofern ein Service kein eigenes Ziel hat.</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Availability by configuration item</source>
        <translation>Verfügbarkeit nach Konfigurationselement</translation>
    </message>
    <message>
        <source>Configuration item</source>
        <translation>Konfigurationselement</translation>
    </message>
    <message>
        <source>Pareto of categories</source>
        <translation>Pareto der Kategorien</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Pareto of configuration items</source>
        <translation>Pareto der Konfigurationselemente</translation>
    </message>
</context>
<context>
    <name>KpiRepository</name>
    <message>
        <source>%1: not an SQLite connection</source>
        <translation>%1: keine SQLite-Verbindung</translation>
    </message>
    <message>
        <source>%1: the stored KPI targets (meta key &quot;%2&quot;) are not valid: %3</source>
        <translation>%1: Die gespeicherten KPI-Ziele (Metaschlüssel „%2“) sind ungültig: %3</translation>
    </message>
</context>
<context>
    <name>KpiTargets</name>
    <message>
        <source>&quot;%1&quot; must be a number</source>
        <translation>„%1“ muss eine Zahl sein</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be between %2 and %3, not %4</source>
        <translation>„%1“ muss zwischen %2 und %3 liegen, nicht %4</translation>
    </message>
    <message>
        <source>unknown key &quot;%1&quot;</source>
        <translation>unbekannter Schlüssel „%1“</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be an object of service names and percentages</source>
        <translation>„%1“ muss ein Objekt aus Servicenamen und Prozentwerten sein</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a number between 0 and 100</source>
        <translation>„%1“ muss eine Zahl zwischen 0 und 100 sein</translation>
    </message>
</context>
<context>
    <name>Lifecycle</name>
    <message>
        <source>%1 must be 1, 2 or 3</source>
        <translation>%1 muss 1, 2 oder 3 sein</translation>
    </message>
    <message>
        <source>open</source>
        <translation>eröffnen</translation>
    </message>
    <message>
        <source>acknowledge</source>
        <translation>annehmen</translation>
    </message>
    <message>
        <source>assign</source>
        <translation>zuweisen</translation>
    </message>
    <message>
        <source>change the priority of</source>
        <translation>Priorität ändern</translation>
    </message>
    <message>
        <source>put on hold</source>
        <translation>zurückstellen</translation>
    </message>
    <message>
        <source>resume</source>
        <translation>fortsetzen</translation>
    </message>
    <message>
        <source>resolve</source>
        <translation>lösen</translation>
    </message>
    <message>
        <source>close</source>
        <translation>schließen</translation>
    </message>
    <message>
        <source>reopen</source>
        <translation>wiedereröffnen</translation>
    </message>
    <message>
        <source>cancel</source>
        <translation>stornieren</translation>
    </message>
    <message>
        <source>comment on</source>
        <translation>kommentieren</translation>
    </message>
    <message>
        <source>update</source>
        <translation>aktualisieren</translation>
    </message>
    <message>
        <source>escalate</source>
        <translation>eskalieren</translation>
    </message>
    <message>
        <source>attach an alert to</source>
        <translation>Alarm anhängen</translation>
    </message>
    <message>
        <source>link a problem to</source>
        <translation>Problem verknüpfen</translation>
    </message>
    <message>
        <source>change</source>
        <translation>ändern</translation>
    </message>
    <message>
        <source>Cannot %1 %2: it was already opened and is %3</source>
        <translation>„%1“ ist für %2 nicht möglich: Der Incident wurde bereits eröffnet und hat den Status „%3“</translation>
    </message>
    <message>
        <source>Cannot %1 an incident that was never opened</source>
        <translation>„%1“ ist für einen nie eröffneten Incident nicht möglich</translation>
    </message>
    <message>
        <source>%1 is %2: the requested state change is not a known transition</source>
        <translation>%1 hat den Status „%2“: Die angeforderte Statusänderung ist kein bekannter Übergang</translation>
    </message>
    <message>
        <source>Cannot acknowledge %1: it is %2 and was already acknowledged</source>
        <translation>%1 kann nicht angenommen werden: Der Incident hat den Status „%2“ und wurde bereits angenommen</translation>
    </message>
    <message>
        <source>Cannot %1 %2: it is %3</source>
        <translation>„%1“ ist für %2 nicht möglich: Der Incident hat den Status „%3“</translation>
    </message>
    <message>
        <source>An incident needs a title</source>
        <translation>Ein Incident braucht einen Titel</translation>
    </message>
    <message>
        <source>Putting on hold needs a reason: awaiting_caller, awaiting_vendor, awaiting_change or awaiting_problem</source>
        <translation>Zum Zurückstellen ist ein Grund nötig: awaiting_caller, awaiting_vendor, awaiting_change oder awaiting_problem</translation>
    </message>
    <message>
        <source>Resolving needs a resolution code</source>
        <translation>Zum Lösen ist ein Lösungscode nötig</translation>
    </message>
    <message>
        <source>Assigning needs a group or an assignee</source>
        <translation>Zum Zuweisen ist eine Gruppe oder ein Bearbeiter nötig</translation>
    </message>
    <message>
        <source>A comment cannot be empty</source>
        <translation>Ein Kommentar darf nicht leer sein</translation>
    </message>
    <message>
        <source>A satisfaction score (csat) must be a whole number from 1 to 5</source>
        <translation>Eine Zufriedenheitsbewertung (csat) muss eine ganze Zahl von 1 bis 5 sein</translation>
    </message>
    <message>
        <source>Unknown state change</source>
        <translation>Unbekannte Statusänderung</translation>
    </message>
</context>
<context>
    <name>PdfWriter</name>
    <message>
        <source>Page %1 of %2</source>
        <translation>Seite %1 von %2</translation>
    </message>
    <message>
        <source>cannot start the PDF: %1</source>
        <translation>das PDF kann nicht begonnen werden: %1</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>SavedQueue</name>
    <message>
        <source>All open</source>
        <translation>Alle offenen</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Nicht zugewiesen</translation>
    </message>
    <message>
        <source>Assigned to me</source>
        <translation>Mir zugewiesen</translation>
    </message>
    <message>
        <source>P1–P2</source>
        <translation>P1–P2</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>Zurückgestellt</translation>
    </message>
    <message>
        <source>Resolved today</source>
        <translation>Heute gelöst</translation>
    </message>
    <message>
        <source>Breaching soon</source>
        <translation>SLA-Verletzung droht</translation>
    </message>
</context>
<context>
    <name>ServiceNowImporter</name>
    <message>
        <source>%1 has no opened_at (nor sys_created_at or sys_updated_at) on its first update</source>
        <translation>%1 hat bei seiner ersten Aktualisierung kein opened_at (auch kein sys_created_at oder sys_updated_at)</translation>
    </message>
    <message>
        <source>line 1: the header has no &quot;number&quot; column; is this a ServiceNow incident export?</source>
        <translation>Zeile 1: Die Kopfzeile hat keine Spalte „number“; ist dies ein ServiceNow-Incident-Export?</translation>
    </message>
    <message>
        <source>no number</source>
        <translation>keine Nummer</translation>
    </message>
    <message>
        <source>%1: cannot read the date &quot;%2&quot; in %3 (formats tried: %4)</source>
        <translation>%1: Das Datum „%2“ in %3 kann nicht gelesen werden (versuchte Formate: %4)</translation>
    </message>
    <message>
        <source>%1: %2 &quot;%3&quot; is not a level %4</source>
        <translation>%1: %2 „%3“ ist keine Stufe von %4</translation>
    </message>
    <message>
        <source>%1: unknown incident_state &quot;%2&quot;</source>
        <translation>%1: unbekannter incident_state „%2“</translation>
    </message>
    <message>
        <source>%1: sys_mod_count &quot;%2&quot; is not a count</source>
        <translation>%1: sys_mod_count „%2“ ist keine Anzahl</translation>
    </message>
</context>
<context>
    <name>SlaCells</name>
    <message>
        <source>No forecast: too few similar resolved incidents</source>
        <translation>Keine Prognose: zu wenige ähnliche gelöste Incidents</translation>
    </message>
    <message numerus="yes">
        <source>Chance of breaching the resolution target: %1
Estimated from %n similar resolved incident(s)</source>
        <translation>
            <numerusform>Wahrscheinlichkeit einer Verletzung des Lösungsziels: %1
Geschätzt aus %n ähnlichen gelösten Incident</numerusform>
            <numerusform>Wahrscheinlichkeit einer Verletzung des Lösungsziels: %1
Geschätzt aus %n ähnlichen gelösten Incidents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SlaConfiguration</name>
    <message>
        <source>line %1</source>
        <translation>Zeile %1</translation>
    </message>
    <message>
        <source>invalid JSON: %1</source>
        <translation>ungültiges JSON: %1</translation>
    </message>
    <message>
        <source>must be a JSON object with &quot;calendars&quot;, &quot;policies&quot;, &quot;escalations&quot; and &quot;schedules&quot;</source>
        <translation>muss ein JSON-Objekt mit „calendars“, „policies“, „escalations“ und „schedules“ sein</translation>
    </message>
    <message>
        <source>duplicate id &quot;%1&quot; (already used by %2)</source>
        <translation>doppelte ID „%1“ (bereits von %2 verwendet)</translation>
    </message>
    <message>
        <source>unknown calendar &quot;%1&quot;</source>
        <translation>unbekannter Kalender „%1“</translation>
    </message>
    <message>
        <source>unknown escalation &quot;%1&quot;</source>
        <translation>unbekannte Eskalation „%1“</translation>
    </message>
    <message>
        <source>escalation &quot;%1&quot; has an &quot;unacknowledged&quot; trigger; a threshold can only start an &quot;sla_threshold&quot; escalation</source>
        <translation>Eskalation „%1“ hat einen Auslöser „unacknowledged“; ein Schwellenwert kann nur eine Eskalation vom Typ „sla_threshold“ starten</translation>
    </message>
    <message>
        <source>unknown on-call schedule &quot;%1&quot;</source>
        <translation>unbekannter Bereitschaftsplan „%1“</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is the built-in 24×7 calendar; it can only be listed with &quot;twenty_four_seven&quot;: true</source>
        <translation>„%1“ ist der eingebaute 24×7-Kalender; er kann nur mit &quot;twenty_four_seven&quot;: true aufgeführt werden</translation>
    </message>
    <message>
        <source>a 24×7 calendar has no holidays</source>
        <translation>ein 24×7-Kalender hat keine Feiertage</translation>
    </message>
    <message>
        <source>overlaps %1 (%2–%3)</source>
        <translation>überschneidet sich mit %1 (%2–%3)</translation>
    </message>
    <message>
        <source>a 24×7 calendar has no business hours</source>
        <translation>ein 24×7-Kalender hat keine Geschäftszeiten</translation>
    </message>
    <message>
        <source>a calendar needs business hours on at least one day, or &quot;twenty_four_seven&quot;: true</source>
        <translation>ein Kalender braucht Geschäftszeiten an mindestens einem Tag oder &quot;twenty_four_seven&quot;: true</translation>
    </message>
    <message>
        <source>must be a pair of times [&quot;HH:MM&quot;, &quot;HH:MM&quot;]</source>
        <translation>muss ein Paar von Uhrzeiten [&quot;HH:MM&quot;, &quot;HH:MM&quot;] sein</translation>
    </message>
    <message>
        <source>must end after it starts (the end of a day is &quot;24:00&quot;)</source>
        <translation>muss nach dem Beginn enden (das Ende eines Tages ist &quot;24:00&quot;)</translation>
    </message>
    <message>
        <source>a holiday has either &quot;date&quot;, or &quot;from_date&quot; and &quot;to_date&quot;, or &quot;start&quot; and &quot;end&quot;</source>
        <translation>ein Feiertag hat entweder „date“ oder „from_date“ und „to_date“ oder „start“ und „end“</translation>
    </message>
    <message>
        <source>must not be before &quot;from_date&quot;</source>
        <translation>darf nicht vor „from_date“ liegen</translation>
    </message>
    <message>
        <source>must be after &quot;start&quot;</source>
        <translation>muss nach „start“ liegen</translation>
    </message>
    <message>
        <source>a policy needs &quot;response_minutes&quot;, &quot;resolution_minutes&quot; or both</source>
        <translation>eine Richtlinie braucht „response_minutes“, „resolution_minutes“ oder beides</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>darf nicht leer sein</translation>
    </message>
    <message>
        <source>at most %1 thresholds are allowed</source>
        <translation>höchstens %1 Schwellenwerte sind erlaubt</translation>
    </message>
    <message>
        <source>thresholds must be listed in ascending order of percent</source>
        <translation>Schwellenwerte müssen nach Prozent aufsteigend aufgeführt sein</translation>
    </message>
    <message>
        <source>only an &quot;escalate&quot; threshold names an escalation</source>
        <translation>nur ein Schwellenwert vom Typ „escalate“ nennt eine Eskalation</translation>
    </message>
    <message>
        <source>the policy has no %1 target</source>
        <translation>die Richtlinie hat kein Ziel für „%1“</translation>
    </message>
    <message>
        <source>missing required field</source>
        <translation>Pflichtfeld fehlt</translation>
    </message>
    <message>
        <source>only an &quot;unacknowledged&quot; trigger has minutes</source>
        <translation>nur ein Auslöser vom Typ „unacknowledged“ hat Minuten</translation>
    </message>
    <message>
        <source>an &quot;sla_threshold&quot; escalation selects no incidents: it runs for the thresholds that name it</source>
        <translation>eine Eskalation vom Typ „sla_threshold“ wählt keine Incidents aus: Sie läuft für die Schwellenwerte, die sie nennen</translation>
    </message>
    <message>
        <source>an escalation needs at least one level</source>
        <translation>eine Eskalation braucht mindestens eine Stufe</translation>
    </message>
    <message>
        <source>must not be shorter than the previous level&apos;s delay</source>
        <translation>darf nicht kürzer sein als die Verzögerung der vorherigen Stufe</translation>
    </message>
    <message>
        <source>a schedule needs at least one rotation layer</source>
        <translation>ein Bereitschaftsplan braucht mindestens eine Rotationsebene</translation>
    </message>
    <message>
        <source>duplicate layer name &quot;%1&quot;</source>
        <translation>doppelter Ebenenname „%1“</translation>
    </message>
    <message>
        <source>only a weekly rotation has a hand-off day</source>
        <translation>nur eine wöchentliche Rotation hat einen Übergabetag</translation>
    </message>
    <message>
        <source>a rotation needs at least one user</source>
        <translation>eine Rotation braucht mindestens einen Benutzer</translation>
    </message>
    <message>
        <source>unknown field</source>
        <translation>unbekanntes Feld</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>muss ein Objekt sein</translation>
    </message>
    <message>
        <source>must be an array</source>
        <translation>muss ein Array sein</translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation>muss eine Zeichenkette sein</translation>
    </message>
    <message>
        <source>must start with a letter or digit and hold only letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;</source>
        <translation>muss mit einem Buchstaben oder einer Ziffer beginnen und darf nur Buchstaben, Ziffern, &apos;.&apos;, &apos;_&apos; und &apos;-&apos; enthalten</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>muss true oder false sein</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>muss eine ganze Zahl sein</translation>
    </message>
    <message>
        <source>must be from %1 to %2</source>
        <translation>muss zwischen %1 und %2 liegen</translation>
    </message>
    <message>
        <source>must be more than 0 and less than a year (%1 minutes)</source>
        <translation>muss größer als 0 und kleiner als ein Jahr (%1 Minuten) sein</translation>
    </message>
    <message>
        <source>must be from 0 to less than a year (%1 minutes)</source>
        <translation>muss mindestens 0 und kleiner als ein Jahr (%1 Minuten) sein</translation>
    </message>
    <message>
        <source>must be one of: %1</source>
        <translation>muss einer der folgenden Werte sein: %1</translation>
    </message>
    <message>
        <source>must be a non-empty string</source>
        <translation>muss eine nicht leere Zeichenkette sein</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is listed twice</source>
        <translation>„%1“ ist doppelt aufgeführt</translation>
    </message>
    <message>
        <source>unknown domain &quot;%1&quot; (one of: %2)</source>
        <translation>unbekannter Bereich „%1“ (erlaubt: %2)</translation>
    </message>
    <message>
        <source>unknown hold reason &quot;%1&quot; (one of: %2)</source>
        <translation>unbekannter Zurückstellungsgrund „%1“ (erlaubt: %2)</translation>
    </message>
    <message>
        <source>must be a time &quot;HH:MM&quot; from 00:00 to 24:00</source>
        <translation>muss eine Uhrzeit &quot;HH:MM&quot; von 00:00 bis 24:00 sein</translation>
    </message>
    <message>
        <source>must be a time &quot;HH:MM&quot; from 00:00 to 23:59</source>
        <translation>muss eine Uhrzeit &quot;HH:MM&quot; von 00:00 bis 23:59 sein</translation>
    </message>
    <message>
        <source>must be a valid date &quot;YYYY-MM-DD&quot;</source>
        <translation>muss ein gültiges Datum &quot;YYYY-MM-DD&quot; sein</translation>
    </message>
    <message>
        <source>must be a date and time with &quot;Z&quot; or a UTC offset, such as &quot;2026-12-24T12:00:00Z&quot;</source>
        <translation>muss Datum und Uhrzeit mit &quot;Z&quot; oder einem UTC-Offset sein, etwa &quot;2026-12-24T12:00:00Z&quot;</translation>
    </message>
    <message>
        <source>unknown time zone &quot;%1&quot; (use an IANA name such as &quot;Europe/Berlin&quot;)</source>
        <translation>unbekannte Zeitzone „%1“ (verwenden Sie einen IANA-Namen wie &quot;Europe/Berlin&quot;)</translation>
    </message>
</context>
<context>
    <name>SlaCountdown</name>
    <message>
        <source>%1d %2h</source>
        <translation>%1 T %2 h</translation>
    </message>
    <message>
        <source>%1h %2m</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1m</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>Eingehalten</translation>
    </message>
    <message>
        <source>Breached</source>
        <translation>Verletzt</translation>
    </message>
    <message>
        <source>Paused (%1 left)</source>
        <translation>Pausiert (noch %1)</translation>
    </message>
    <message>
        <source>Paused (overdue %1)</source>
        <translation>Pausiert (überfällig %1)</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>noch %1</translation>
    </message>
    <message>
        <source>Overdue %1</source>
        <translation>Überfällig %1</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Reaktion</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Lösung</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <source>Paused, breached</source>
        <translation>Pausiert, verletzt</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Breached, running</source>
        <translation>Verletzt, läuft</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>%1 SLA: %2</source>
        <translation>SLA %1: %2</translation>
    </message>
    <message>
        <source>Policy: %1</source>
        <translation>Richtlinie: %1</translation>
    </message>
    <message>
        <source>Target: %1</source>
        <translation>Ziel: %1</translation>
    </message>
    <message>
        <source>Elapsed (business time): %1</source>
        <translation>Verstrichen (Geschäftszeit): %1</translation>
    </message>
    <message>
        <source>Paused: %1</source>
        <translation>Pausiert: %1</translation>
    </message>
    <message>
        <source>Remaining (business time): %1</source>
        <translation>Verbleibend (Geschäftszeit): %1</translation>
    </message>
    <message>
        <source>Overdue (business time): %1</source>
        <translation>Überfällig (Geschäftszeit): %1</translation>
    </message>
    <message>
        <source>Breached at: %1</source>
        <translation>Verletzt am: %1</translation>
    </message>
    <message>
        <source>Deadline: %1</source>
        <translation>Frist: %1</translation>
    </message>
    <message>
        <source>Stopped at: %1</source>
        <translation>Gestoppt am: %1</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
</context>
<context>
    <name>SlaRepository</name>
    <message>
        <source>stored SLA configuration</source>
        <translation>gespeicherte SLA-Konfiguration</translation>
    </message>
    <message>
        <source>A %1 has no id</source>
        <translation>Ein Element vom Typ „%1“ hat keine ID</translation>
    </message>
    <message>
        <source>The %1 id %2 is used twice</source>
        <translation>Die ID %2 vom Typ „%1“ wird doppelt verwendet</translation>
    </message>
</context>
<context>
    <name>SyncRepository</name>
    <message>
        <source>%1: kept in the history but not applied, because after merging the other replicas&apos; changes the incident was no longer in a state that allows it (it is now %2)</source>
        <translation>%1: im Verlauf behalten, aber nicht angewendet, weil der Incident nach dem Zusammenführen der Änderungen der anderen Replikate nicht mehr in einem Status war, der dies erlaubt (jetzt: %2)</translation>
    </message>
    <message>
        <source>This database is a server&apos;s store; a replica cannot sync it with another server</source>
        <translation>Diese Datenbank ist der Speicher eines Servers; ein Replikat kann sie nicht mit einem anderen Server synchronisieren</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>In Progress</source>
        <translation>In Bearbeitung</translation>
    </message>
    <message>
        <source>On Hold</source>
        <translation>Zurückgestellt</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Gelöst</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <source>Awaiting caller</source>
        <translation>Wartet auf Melder</translation>
    </message>
    <message>
        <source>Awaiting vendor</source>
        <translation>Wartet auf Lieferant</translation>
    </message>
    <message>
        <source>Awaiting change</source>
        <translation>Wartet auf Change</translation>
    </message>
    <message>
        <source>Awaiting problem</source>
        <translation>Wartet auf Problem</translation>
    </message>
    <message>
        <source>Warehouse</source>
        <translation>Lager</translation>
    </message>
    <message>
        <source>Retail</source>
        <translation>Handel</translation>
    </message>
    <message>
        <source>Finance</source>
        <translation>Finanzen</translation>
    </message>
    <message>
        <source>IT</source>
        <translation>IT</translation>
    </message>
    <message>
        <source>Monitoring</source>
        <translation>Monitoring</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Portal</source>
        <translation>Portal</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Eröffnet</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Angenommen</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Zugewiesen</translation>
    </message>
    <message>
        <source>Priority changed</source>
        <translation>Priorität geändert</translation>
    </message>
    <message>
        <source>State changed</source>
        <translation>Status geändert</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>Eskaliert</translation>
    </message>
    <message>
        <source>Alert attached</source>
        <translation>Alarm angehängt</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>Wiedereröffnet</translation>
    </message>
    <message>
        <source>Linked to problem</source>
        <translation>Mit Problem verknüpft</translation>
    </message>
    <message>
        <source>P1 - Critical</source>
        <translation>P1 - Kritisch</translation>
    </message>
    <message>
        <source>P2 - High</source>
        <translation>P2 - Hoch</translation>
    </message>
    <message>
        <source>P3 - Moderate</source>
        <translation>P3 - Mittel</translation>
    </message>
    <message>
        <source>P4 - Low</source>
        <translation>P4 - Niedrig</translation>
    </message>
    <message>
        <source>P5 - Planning</source>
        <translation>P5 - Planung</translation>
    </message>
    <message>
        <source>P%1</source>
        <translation>P%1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Nocturne — incident operations console</source>
        <translation>Nocturne — Konsole für den Incident-Betrieb</translation>
    </message>
    <message>
        <source>The incident database (default: %1).</source>
        <translation>Die Incident-Datenbank (Standard: %1).</translation>
    </message>
    <message>
        <source>Act as this operator (default: your user on the server, or $USER).</source>
        <translation>Als dieser Operator handeln (Standard: Ihr Benutzer auf dem Server, sonst $USER).</translation>
    </message>
</context>
<context>
    <name>nocturne::models::ConflictsModel</name>
    <message>
        <source>Invalid after a merge</source>
        <translation>Nach Zusammenführung ungültig</translation>
    </message>
    <message>
        <source>Invalid after a merge: %1</source>
        <translation>Nach Zusammenführung ungültig: %1</translation>
    </message>
    <message>
        <source>Refused by the server (%1)</source>
        <translation>Vom Server abgelehnt (%1)</translation>
    </message>
    <message>
        <source>Refused by the server at %1 (HTTP %2, %3): %4</source>
        <translation>Vom Server abgelehnt am %1 (HTTP %2, %3): %4</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>Incident</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Akteur</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Zeitpunkt</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
</context>
<context>
    <name>nocturne::models::IncidentQueueModel</name>
    <message>
        <source>(unassigned)</source>
        <translation>(nicht zugewiesen)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Configuration item</source>
        <translation>Konfigurationselement</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Standort</translation>
    </message>
    <message>
        <source>Assignment group</source>
        <translation>Zuständige Gruppe</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Bearbeiter</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Eröffnet</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <source>%1: %2
Provisional number until the server assigns one</source>
        <translation>%1: %2
Vorläufige Nummer, bis der Server eine vergibt</translation>
    </message>
    <message>
        <source>Response SLA</source>
        <translation>Reaktions-SLA</translation>
    </message>
    <message>
        <source>Resolution SLA</source>
        <translation>Lösungs-SLA</translation>
    </message>
    <message>
        <source>Breach risk</source>
        <translation>Verletzungsrisiko</translation>
    </message>
</context>
<context>
    <name>nocturne::models::KpiChartModel</name>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>keine Daten</translation>
    </message>
    <message>
        <source>MTTA</source>
        <translation>MTTA</translation>
    </message>
    <message>
        <source>MTTR</source>
        <translation>MTTR</translation>
    </message>
    <message>
        <source>Open incidents</source>
        <translation>Offene Incidents</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Reaktion</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Lösung</translation>
    </message>
    <message>
        <source>Availability</source>
        <translation>Verfügbarkeit</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <source>Cumulative share</source>
        <translation>Kumulierter Anteil</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
</context>
<context>
    <name>nocturne::models::SavedQueuesModel</name>
    <message numerus="yes">
        <source>%1: %n incident(s)</source>
        <translation>
            <numerusform>%1: %n Incident</numerusform>
            <numerusform>%1: %n Incidents</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
</context>
<context>
    <name>nocturne::models::TimelineModel</name>
    <message>
        <source>%1 (flagged)</source>
        <translation>%1 (markiert)</translation>
    </message>
    <message>
        <source>This event was valid when it was recorded, but not after a merge put it in order; it is kept in the history and did not change the incident.</source>
        <translation>Dieses Ereignis war bei seiner Erfassung gültig, aber nicht mehr, nachdem eine Zusammenführung es eingeordnet hat; es bleibt im Verlauf und hat den Incident nicht verändert.</translation>
    </message>
    <message>
        <source>Recorded %1 on node %2</source>
        <translation>Erfasst %1 auf Knoten %2</translation>
    </message>
    <message>
        <source>Occurred</source>
        <translation>Geschehen</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Erfasst</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Akteur</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>nocturne::ui::ActionController</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>und %n weiterer</numerusform>
            <numerusform>und %n weitere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n incident(s): %1</source>
        <translation>
            <numerusform>%n Incident: %1</numerusform>
            <numerusform>%n Incidents: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Add comment</source>
        <translation>Kommentar hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Comment:</source>
        <translation>&amp;Kommentar:</translation>
    </message>
    <message>
        <source>Cancel incident</source>
        <translation>Incident stornieren</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Grund:</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Wiedereröffnen</translation>
    </message>
    <message>
        <source>open a new incident</source>
        <translation>einen neuen Incident eröffnen</translation>
    </message>
    <message numerus="yes">
        <source>Sent: %1 %n incident(s)…</source>
        <translation>
            <numerusform>Gesendet: „%1“ für %n Incident…</numerusform>
            <numerusform>Gesendet: „%1“ für %n Incidents…</numerusform>
        </translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 eröffnet</translation>
    </message>
    <message numerus="yes">
        <source>Done: %1 %n incident(s)</source>
        <translation>
            <numerusform>Erledigt: „%1“ für %n Incident</numerusform>
            <numerusform>Erledigt: „%1“ für %n Incidents</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 done; %3 refused</source>
        <translation>%1 von %2 erledigt; %3 abgelehnt</translation>
    </message>
    <message>
        <source>Some actions were refused</source>
        <translation>Einige Aktionen wurden abgelehnt</translation>
    </message>
    <message numerus="yes">
        <source>Could not %1 %n incident(s).</source>
        <translation>
            <numerusform>„%1“ war für %n Incident nicht möglich.</numerusform>
            <numerusform>„%1“ war für %n Incidents nicht möglich.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nocturne::ui::AlertCenter</name>
    <message>
        <source>Nocturne — SLA alert</source>
        <translation>Nocturne — SLA-Alarm</translation>
    </message>
    <message numerus="yes">
        <source>Nocturne — %n SLA alert(s)</source>
        <translation>
            <numerusform>Nocturne — %n SLA-Alarm</numerusform>
            <numerusform>Nocturne — %n SLA-Alarme</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>und %n weiterer</numerusform>
            <numerusform>und %n weitere</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nocturne::ui::AssignDialog</name>
    <message>
        <source>Assign</source>
        <translation>Zuweisen</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>&amp;Gruppe:</translation>
    </message>
    <message>
        <source>&amp;Assignee:</source>
        <translation>&amp;Bearbeiter:</translation>
    </message>
    <message>
        <source>(anyone in the group)</source>
        <translation>(beliebig in der Gruppe)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Choose an assignment group.</source>
        <translation>Zuständige Gruppe wählen.</translation>
    </message>
</context>
<context>
    <name>nocturne::ui::ChartAdapter</name>
    <message>
        <source>Export PNG…</source>
        <translation>Als PNG exportieren…</translation>
    </message>
    <message>
        <source>No data for this period.</source>
        <translation>Keine Daten für diesen Zeitraum.</translation>
    </message>
    <message>
        <source>Export chart as PNG</source>
        <translation>Diagramm als PNG exportieren</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
</context>
<context>
    <name>nocturne::ui::ConflictsView</name>
    <message>
        <source>&amp;Dismiss</source>
        <translation>&amp;Ausblenden</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Erneut senden</translation>
    </message>
    <message>
        <source>Sync conflicts</source>
        <translation>Synchronisierungskonflikte</translation>
    </message>
    <message>
        <source>Take the selected conflicts off this list. The events stay in the incident&apos;s history.</source>
        <translation>Die ausgewählten Konflikte aus dieser Liste entfernen. Die Ereignisse bleiben im Verlauf des Incidents.</translation>
    </message>
    <message>
        <source>Offer the selected events to the server again (after a role change, for example).</source>
        <translation>Die ausgewählten Ereignisse erneut an den Server senden (zum Beispiel nach einer Rollenänderung).</translation>
    </message>
    <message>
        <source>No conflicts: the server accepted every change made here.</source>
        <translation>Keine Konflikte: Der Server hat jede hier vorgenommene Änderung akzeptiert.</translation>
    </message>
    <message>
        <source>One change made here was refused by the server, or made invalid by a merge. It is kept in the incident&apos;s history; nothing was dropped.</source>
        <translation>Eine hier vorgenommene Änderung wurde vom Server abgelehnt oder durch eine Zusammenführung ungültig. Sie bleibt im Verlauf des Incidents; nichts wurde verworfen.</translation>
    </message>
    <message>
        <source>%1 changes made here were refused by the server, or made invalid by a merge. They are kept in the incidents&apos; history; nothing was dropped.</source>
        <translation>%1 hier vorgenommene Änderungen wurden vom Server abgelehnt oder durch eine Zusammenführung ungültig. Sie bleiben im Verlauf der Incidents; nichts wurde verworfen.</translation>
    </message>
</context>
<context>
    <name>nocturne::ui::ConnectionController</name>
    <message>
        <source>&amp;Connect to server…</source>
        <translation>Mit Server &amp;verbinden…</translation>
    </message>
    <message>
        <source>Sync this console&apos;s database with a Nocturne server</source>
        <translation>Die Datenbank dieser Konsole mit einem Nocturne-Server synchronisieren</translation>
    </message>
    <message>
        <source>No keychain is available, so the token is kept for this session only.</source>
        <translation>Kein Schlüsselbund verfügbar; das Token wird nur für diese Sitzung aufbewahrt.</translation>
    </message>
    <message>
        <source>No token for %1 on %2 is stored in the keychain.</source>
        <translation>Im Schlüsselbund ist kein Token für %1 auf %2 gespeichert.</translation>
    </message>
    <message>
        <source>No keychain is available: %1. The token will be kept for this session only.</source>
        <translation>Kein Schlüsselbund verfügbar: %1. Das Token wird nur für diese Sitzung aufbewahrt.</translation>
    </message>
    <message>
        <source>The keychain could not give the token: %1. The token will be kept for this session only.</source>
        <translation>Der Schlüsselbund konnte das Token nicht liefern: %1. Das Token wird nur für diese Sitzung aufbewahrt.</translation>
    </message>
    <message>
        <source>Server token</source>
        <translation>Server-Token</translation>
    </message>
    <message>
        <source>%1

Token of %2 on %3 (empty: work standalone for now):</source>
        <translation>%1

Token von %2 auf %3 (leer: vorerst ohne Server arbeiten):</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Work standalone</source>
        <translation>Ohne Server arbeiten</translation>
    </message>
    <message>
        <source>Working standalone: no token for %1</source>
        <translation>Arbeit ohne Server: kein Token für %1</translation>
    </message>
    <message>
        <source>Connected as %1 but acting as %2 (--user): the server will refuse actions in %2&apos;s name. Start the console with --user %1 or without --user.</source>
        <translation>Verbunden als %1, aber handelnd als %2 (--user): Der Server wird Aktionen im Namen von %2 ablehnen. Starten Sie die Konsole mit --user %1 oder ohne --user.</translation>
    </message>
    <message>
        <source>Connecting to %1 as %2</source>
        <translation>Verbindung mit %1 als %2 wird hergestellt</translation>
    </message>
    <message>
        <source>Working standalone</source>
        <translation>Arbeit ohne Server</translation>
    </message>
</context>
<context>
    <name>nocturne::ui::ConnectionSettingsDialog</name>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Work &amp;standalone</source>
        <translation>Ohne &amp;Server arbeiten</translation>
    </message>
    <message>
        <source>Connect to server</source>
        <translation>Mit Server verbinden</translation>
    </message>
    <message>
        <source>Leave empty to keep the stored token</source>
        <translation>Leer lassen, um das gespeicherte Token zu behalten</translation>
    </message>
    <message>
        <source>Optional: PEM file of the server&apos;s certificate authority</source>
        <translation>Optional: PEM-Datei der Zertifizierungsstelle des Servers</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>Stop syncing and forget the server and its token. The local database keeps everything.</source>
        <translation>Synchronisierung beenden und Server samt Token vergessen. Die lokale Datenbank behält alles.</translation>
    </message>
    <message>
        <source>The token is kept in the system keychain, never in Nocturne&apos;s settings. Ask an administrator for one (nocturnectl token create USER).</source>
        <translation>Das Token wird im Schlüsselbund des Systems aufbewahrt, nie in den Einstellungen von Nocturne. Ein Token erhalten Sie von einem Administrator (nocturnectl token create USER).</translation>
    </message>
    <message>
        <source>Server &amp;URL:</source>
        <translation>Server-&amp;URL:</translation>
    </message>
    <message>
        <source>U&amp;ser:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>T&amp;oken:</source>
        <translation>T&amp;oken:</translation>
    </message>
    <message>
        <source>&amp;CA certificate:</source>
        <translation>&amp;CA-Zertifikat:</translation>
    </message>
    <message>
        <source>Enter the server&apos;s URL.</source>
        <translation>Server-URL eingeben.</translation>
    </message>
    <message>
        <source>The server URL must start with https:// (or http://).</source>
        <translation>Die Server-URL muss mit https:// (oder http://) beginnen.</translation>
    </message>
    <message>
        <source>The server URL has no host name.</source>
        <translation>Die Server-URL enthält keinen Hostnamen.</translation>
    </message>
    <message>
        <source>Enter your user name on the server.</source>
        <translation>Ihren Benutzernamen auf dem Server eingeben.</translation>
    </message>
    <message>
        <source>A user name has no spaces or slashes.</source>
        <translation>Ein Benutzername enthält keine Leerzeichen oder Schrägstriche.</translation>
    </message>
    <message>
        <source>Enter the token for this server and user.</source>
        <translation>Token für diesen Server und Benutzer eingeben.</translation>
    </message>
    <message>
        <source>No PEM certificate could be read from %1.</source>
        <translation>Aus %1 konnte kein PEM-Zertifikat gelesen werden.</translation>
    </message>
    <message>
        <source>Plain http to %1 sends the token unencrypted over the network. Use https, or a TLS proxy in front of the server.</source>
        <translation>Einfaches http zu %1 überträgt das Token unverschlüsselt über das Netzwerk. Verwenden Sie https oder einen TLS-Proxy vor dem Server.</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA-Zertifikat</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>PEM-Zertifikate (*.pem *.crt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt…</translation>
    </message>
    <message>
        <source>The stored token could not be read: %1</source>
        <translation>Das gespeicherte Token konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Connected as %1 (%2), but the token is not %3&apos;s: changes would be refused.</source>
        <translation>Verbunden als %1 (%2), aber das Token gehört nicht %3: Änderungen würden abgelehnt.</translation>
    </message>
    <message>
        <source>Connected as %1 (%2)</source>
        <translation>Verbunden als %1 (%2)</translation>
    </message>
    <message>
        <source>The server refused the token: %1</source>
        <translation>Der Server hat das Token abgelehnt: %1</translation>
    </message>
    <message>
        <source>The server answered HTTP %1%2</source>
        <translation>Der Server antwortete mit HTTP %1%2</translation>
    </message>
    <message>
        <source>No answer within %1 seconds.</source>
        <translation>Keine Antwort innerhalb von %1 Sekunden.</translation>
    </message>
    <message>
        <source>Cannot reach the server: %1</source>
        <translation>Server nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>Saving the token in the keychain…</source>
        <translation>Token wird im Schlüsselbund gespeichert…</translation>
    </message>
    <message>
        <source>the keychain refused the token</source>
        <translation>der Schlüsselbund hat das Token abgelehnt</translation>
    </message>
</context>
<context>
    <name>nocturne::ui::ConsoleStatusBar</name>
    <message>
        <source>Database: %1</source>
        <translation>Datenbank: %1</translation>
    </message>
    <message>
        <source>%1 shown · %2 open</source>
        <translation>%1 angezeigt · %2 offen</translation>
    </message>
</context>
<context>
    <name>nocturne::ui::DetailPane</name>
    <message>
        <source>Select an incident in the queue to see its details, its history and what you can do next.

Use Ctrl+F to filter the queue, Ctrl+N to open a new incident.</source>
        <translation>Wählen Sie einen Incident in der Queue, um Details, Verlauf und nächste Schritte zu sehen.

Strg+F filtert die Queue, Strg+N eröffnet einen neuen Incident.</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Service:</source>
        <translation>Service:</translation>
    </message>
    <message>
        <source>CI:</source>
        <translation>CI:</translation>
    </message>
    <message>
        <source>Site:</source>
        <translation>Standort:</translation>
    </message>
    <message>
        <source>Group:</source>
        <translation>Gruppe:</translation>
    </message>
    <message>
        <source>Assignee:</source>
        <translation>Bearbeiter:</translation>
    </message>
    <message>
        <source>Reporter:</source>
        <translation>Melder:</translation>
    </message>
    <message>
        <source>Channel:</source>
        <translation>Kanal:</translation>
    </message>
    <message>
        <source>Opened:</source>
        <translation>Eröffnet:</translation>
    </message>
    <message>
        <source>Acknowledged:</source>
        <translation>Angenommen:</translation>
    </message>
    <message>
        <source>Resolved:</source>
        <translation>Gelöst:</translation>
    </message>
    <message>
        <source>Resolution:</source>
        <translation>Lösung:</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>Kategorie:</translation>
    </message>
    <message>
        <source>Impact/urgency:</source>
        <translation>Auswirkung/Dringlichkeit:</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>%1  %2</source>
        <translation>%1  %2</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
</context>
<context>
    <name>nocturne::ui::DrillDownBar</name>
    <message>
        <source>◀ Back to dashboard</source>
        <translation>◀ Zurück zum Dashboard</translation>
    </message>
    <message>
        <source>Show the saved queue</source>
        <translation>Gespeicherte Queue anzeigen</translation>
    </message>
    <message>
        <source>Leave the drill-down and show the queue chosen in the sidebar</source>
        <translation>Drilldown verlassen und die in der Seitenleiste gewählte Queue anzeigen</translation>
    </message>
</context>
<context>
    <name>nocturne::ui::EscalationBanner</name>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Anzeigen</translation>
    </message>
    <message>
        <source>Select this incident in the queue</source>
        <translation>Diesen Incident in der Queue auswählen</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>Dismiss this alert</source>
        <translation>Diesen Alarm ausblenden</translation>
    </message>
    <message>
        <source>Dismiss all</source>
        <translation>Alle ausblenden</translation>
    </message>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>+%n weiterer</numerusform>
            <numerusform>+%n weitere</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nocturne::ui::HandoverDialog</name>
    <message>
        <source>Shift handover</source>
        <translation>Schichtübergabe</translation>
    </message>
    <message>
        <source>&amp;Update</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Last 8 hours</source>
        <translation>&amp;Letzte 8 Stunden</translation>
    </message>
    <message>
        <source>Shift from</source>
        <translation>Schicht von</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>(%1)</source>
        <translation>(%1)</translation>
    </message>
    <message>
        <source>Notes for the next shift (Markdown allowed): what to watch, what was promised, who to call…</source>
        <translation>Notizen für die nächste Schicht (Markdown erlaubt): was zu beobachten ist, was zugesagt wurde, wen man anrufen sollte…</translation>
    </message>
    <message>
        <source>Supervisor&apos;s notes</source>
        <translation>Notizen der Schichtleitung</translation>
    </message>
    <message>
        <source>Save as &amp;PDF…</source>
        <translation>Als &amp;PDF speichern…</translation>
    </message>
    <message>
        <source>Save as &amp;Markdown…</source>
        <translation>Als &amp;Markdown speichern…</translation>
    </message>
    <message>
        <source>The shift must start before it ends.</source>
        <translation>Die Schicht muss vor ihrem Ende beginnen.</translation>
    </message>
    <message>
        <source>Could not read the shift: %1</source>
        <translation>Die Schicht konnte nicht gelesen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n open incident(s), %1 at risk, %2 change(s) during the shift.</source>
        <translation>
            <numerusform>%n offener Incident, %1 gefährdet, %2 Änderung(en) während der Schicht.</numerusform>
            <numerusform>%n offene Incidents, %1 gefährdet, %2 Änderung(en) während der Schicht.</numerusform>
        </translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation>Wird vorbereitet…</translation>
    </message>
    <message>
        <source>The shift has not been read yet.</source>
        <translation>Die Schicht wurde noch nicht gelesen.</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Save handover as PDF</source>
        <translation>Übergabe als PDF speichern</translation>
    </message>
    <message>
        <source>Save handover as Markdown</source>
        <translation>Übergabe als Markdown speichern</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
</context>
<context>
    <name>nocturne::ui::HoldDialog</name>
    <message>
        <source>Put on hold</source>
        <translation>Zurückstellen</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Grund:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Notiz:</translation>
    </message>
</context>
<context>
    <name>nocturne::ui::ImportController</name>
    <message>
        <source>Import from &amp;ServiceNow…</source>
        <translation>Aus &amp;ServiceNow importieren…</translation>
    </message>
    <message>
        <source>Import from &amp;Jira…</source>
        <translation>Aus &amp;Jira importieren…</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>%1 wird importiert…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Stopping after the current batch…</source>
        <translation>Wird nach dem aktuellen Stapel angehalten…</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>Import stopped: the incidents stored so far stay; importing again resumes.</source>
        <translation>Import angehalten: Die bisher gespeicherten Incidents bleiben erhalten; ein erneuter Import setzt ihn fort.</translation>
    </message>
    <message>
        <source>Imported %1.</source>
        <translation>%1 importiert.</translation>
    </message>
    <message>
        <source>The database refused part of the import: %1</source>
        <translation>Die Datenbank hat einen Teil des Imports abgelehnt: %1</translation>
    </message>
    <message>
        <source>%1 rows read
%2 incidents created, %3 updated, %4 unchanged
%5 events appended
%6 rows skipped</source>
        <translation>%1 Datensätze gelesen
%2 Incidents angelegt, %3 aktualisiert, %4 unverändert
%5 Ereignisse angefügt
%6 Datensätze übersprungen</translation>
    </message>
    <message>
        <source>Row %1 (line %2): %3</source>
        <translation>Datensatz %1 (Zeile %2): %3</translation>
    </message>
    <message>
        <source>Renumbered: %1</source>
        <translation>Neu nummeriert: %1</translation>
    </message>
    <message>
        <source>Kept as imported before: %1</source>
        <translation>Wie zuvor importiert beibehalten: %1</translation>
    </message>
</context>
<context>
    <name>nocturne::ui::ImportDialog</name>
    <message>
        <source>Import from Jira</source>
        <translation>Aus Jira importieren</translation>
    </message>
    <message>
        <source>Import from ServiceNow</source>
        <translation>Aus ServiceNow importieren</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Source default</source>
        <translation>Standard der Quelle</translation>
    </message>
    <message>
        <source>Qt date format: d day, M month, MMM month name, yy/yyyy year, H/h hour, m minute, s second, AP AM/PM; &quot;ISO&quot; for ISO 8601</source>
        <translation>Qt-Datumsformat: d Tag, M Monat, MMM Monatsname, yy/yyyy Jahr, H/h Stunde, m Minute, s Sekunde, AP AM/PM; &quot;ISO&quot; für ISO 8601</translation>
    </message>
    <message>
        <source>Export file:</source>
        <translation>Exportdatei:</translation>
    </message>
    <message>
        <source>Dates written as:</source>
        <translation>Datumsformat:</translation>
    </message>
    <message>
        <source>Time zone of the dates:</source>
        <translation>Zeitzone der Datumsangaben:</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>Choose an export file that exists.</source>
        <translation>Eine vorhandene Exportdatei wählen.</translation>
    </message>
    <message>
        <source>CSV exports (*.csv);;All files (*)</source>
        <translation>CSV-Exporte (*.csv);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>nocturne::ui::IncidentActions</name>
    <message>
        <source>&amp;New incident…</source>
        <translation>&amp;Neuer Incident…</translation>
    </message>
    <message>
        <source>&amp;Acknowledge</source>
        <translation>&amp;Annehmen</translation>
    </message>
    <message>
        <source>A&amp;ssign…</source>
        <translation>&amp;Zuweisen…</translation>
    </message>
    <message>
        <source>Assign to &amp;me</source>
        <translation>&amp;Mir zuweisen</translation>
    </message>
    <message>
        <source>Put on &amp;hold…</source>
        <translation>&amp;Zurückstellen…</translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>&amp;Resolve…</source>
        <translation>&amp;Lösen…</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>Sch&amp;ließen</translation>
    </message>
    <message>
        <source>Re&amp;open…</source>
        <translation>&amp;Wiedereröffnen…</translation>
    </message>
    <message>
        <source>&amp;Cancel incident…</source>
        <translation>Incident &amp;stornieren…</translation>
    </message>
    <message>
        <source>Add &amp;comment…</source>
        <translation>&amp;Kommentieren…</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Akt&amp;ualisieren</translation>
    </message>
    <message>
        <source>&amp;Filter queue</source>
        <translation>Queue &amp;filtern</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;About Nocturne</source>
        <translation>Ü&amp;ber Nocturne</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
</context>
<context>
    <name>nocturne::ui::KpiCharts</name>
    <message>
        <source>hours (mean)</source>
        <translation>Stunden (Mittelwert)</translation>
    </message>
    <message>
        <source>incidents opened</source>
        <translation>eröffnete Incidents</translation>
    </message>
    <message>
        <source>open at end of day</source>
        <translation>offen am Tagesende</translation>
    </message>
    <message>
        <source>% met</source>
        <translation>% eingehalten</translation>
    </message>
    <message>
        <source>% available</source>
        <translation>% verfügbar</translation>
    </message>
    <message>
        <source>MTTA and MTTR by week</source>
        <translation>MTTA und MTTR pro Woche</translation>
    </message>
    <message>
        <source>Incidents opened by week and priority</source>
        <translation>Eröffnete Incidents nach Woche und Priorität</translation>
    </message>
    <message>
        <source>Backlog (open incidents)</source>
        <translation>Backlog (offene Incidents)</translation>
    </message>
    <message>
        <source>SLA compliance by priority</source>
        <translation>SLA-Einhaltung nach Priorität</translation>
    </message>
    <message>
        <source>Availability per service, worst %1 (dashed: target)</source>
        <translation>Verfügbarkeit pro Service, schlechteste %1 (gestrichelt: Ziel)</translation>
    </message>
    <message>
        <source>Pareto of categories, top %1 (line: cumulative share)</source>
        <translation>Pareto der Kategorien, Top %1 (Linie: kumulierter Anteil)</translation>
    </message>
</context>
<context>
    <name>nocturne::ui::KpiDashboard</name>
    <message>
        <source>%1–%2</source>
        <translation>%1.–%2</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>open at %1</source>
        <translation>offen am %1</translation>
    </message>
    <message>
        <source>week of %1</source>
        <translation>Woche vom %1</translation>
    </message>
    <message>
        <source>1 incident</source>
        <translation>1 Incident</translation>
    </message>
    <message>
        <source>%1 incidents</source>
        <translation>%1 Incidents</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>Datenbank wird geöffnet…</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Wird berechnet…</translation>
    </message>
    <message>
        <source>KPIs unavailable: %1</source>
        <translation>KPIs nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>Could not find the incidents: %1</source>
        <translation>Die Incidents konnten nicht ermittelt werden: %1</translation>
    </message>
    <message>
        <source>KPIs · %1%2 · %3 incidents in scope · computed %4</source>
        <translation>KPIs · %1%2 · %3 Incidents berücksichtigt · berechnet %4</translation>
    </message>
    <message>
        <source>Finding the incidents…</source>
        <translation>Incidents werden ermittelt…</translation>
    </message>
</context>
<context>
    <name>nocturne::ui::KpiFilterBar</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Letzte 90 Tage</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Dieser Monat</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Benutzerdefiniert</translation>
    </message>
    <message>
        <source>All priorities</source>
        <translation>Alle Prioritäten</translation>
    </message>
    <message>
        <source>All domains</source>
        <translation>Alle Bereiche</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>Alle Services</translation>
    </message>
    <message>
        <source>All sites</source>
        <translation>Alle Standorte</translation>
    </message>
    <message>
        <source>All groups</source>
        <translation>Alle Gruppen</translation>
    </message>
    <message>
        <source>Compute the KPIs again from the database</source>
        <translation>KPIs neu aus der Datenbank berechnen</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Zeitraum:</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
</context>
<context>
    <name>nocturne::ui::KpiTileWidget</name>
    <message>
        <source>MTTD</source>
        <translation>MTTD</translation>
    </message>
    <message>
        <source>MTTA</source>
        <translation>MTTA</translation>
    </message>
    <message>
        <source>MTTR</source>
        <translation>MTTR</translation>
    </message>
    <message>
        <source>MTTA (business)</source>
        <translation>MTTA (Geschäftszeit)</translation>
    </message>
    <message>
        <source>MTTR (business)</source>
        <translation>MTTR (Geschäftszeit)</translation>
    </message>
    <message>
        <source>MTTR P1</source>
        <translation>MTTR P1</translation>
    </message>
    <message>
        <source>First-contact resolution</source>
        <translation>Erstlösungsquote</translation>
    </message>
    <message>
        <source>Response SLA</source>
        <translation>Reaktions-SLA</translation>
    </message>
    <message>
        <source>Resolution SLA</source>
        <translation>Lösungs-SLA</translation>
    </message>
    <message>
        <source>Reopen rate</source>
        <translation>Wiedereröffnungsquote</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Eröffnet</translation>
    </message>
    <message>
        <source>Backlog</source>
        <translation>Backlog</translation>
    </message>
    <message>
        <source>Availability</source>
        <translation>Verfügbarkeit</translation>
    </message>
    <message>
        <source>CSAT</source>
        <translation>CSAT</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 / 5</source>
        <translation>%1 / 5</translation>
    </message>
    <message>
        <source>Mean of detected − started, incidents opened in the period.</source>
        <translation>Mittelwert von Erkennung − Beginn, im Zeitraum eröffnete Incidents.</translation>
    </message>
    <message>
        <source>Mean of acknowledged − opened (wall clock), incidents opened in the period and acknowledged.</source>
        <translation>Mittelwert von Annahme − Eröffnung (Kalenderzeit), im Zeitraum eröffnete und angenommene Incidents.</translation>
    </message>
    <message>
        <source>Mean of resolved − opened (wall clock), incidents resolved in the period.</source>
        <translation>Mittelwert von Lösung − Eröffnung (Kalenderzeit), im Zeitraum gelöste Incidents.</translation>
    </message>
    <message>
        <source>Mean time to acknowledge in the business hours of each incident&apos;s SLA calendar.</source>
        <translation>Mittlere Zeit bis zur Annahme in den Geschäftszeiten des SLA-Kalenders jedes Incidents.</translation>
    </message>
    <message>
        <source>Mean time to resolve in the business hours of each incident&apos;s SLA calendar.</source>
        <translation>Mittlere Zeit bis zur Lösung in den Geschäftszeiten des SLA-Kalenders jedes Incidents.</translation>
    </message>
    <message>
        <source>Mean of resolved − opened for P1 incidents resolved in the period.</source>
        <translation>Mittelwert von Lösung − Eröffnung für im Zeitraum gelöste P1-Incidents.</translation>
    </message>
    <message>
        <source>Share of incidents resolved in the period with no reassignment and no escalation.</source>
        <translation>Anteil der im Zeitraum gelösten Incidents ohne Neuzuweisung und ohne Eskalation.</translation>
    </message>
    <message>
        <source>Response clocks met ÷ response clocks decided, incidents opened in the period.</source>
        <translation>Eingehaltene ÷ entschiedene Reaktionsuhren, im Zeitraum eröffnete Incidents.</translation>
    </message>
    <message>
        <source>Resolution clocks met ÷ decided, incidents resolved in the period.</source>
        <translation>Eingehaltene ÷ entschiedene Lösungsuhren, im Zeitraum gelöste Incidents.</translation>
    </message>
    <message>
        <source>Share of incidents resolved in the period that were reopened at least once.</source>
        <translation>Anteil der im Zeitraum gelösten Incidents, die mindestens einmal wiedereröffnet wurden.</translation>
    </message>
    <message>
        <source>Incidents opened in the period.</source>
        <translation>Im Zeitraum eröffnete Incidents.</translation>
    </message>
    <message>
        <source>Incidents still open at the end of the period.</source>
        <translation>Am Ende des Zeitraums noch offene Incidents.</translation>
    </message>
    <message>
        <source>1 − merged outage time ÷ period; an outage is an impact-1 incident from its start to its resolution.</source>
        <translation>1 − zusammengefasste Ausfallzeit ÷ Zeitraum; ein Ausfall ist ein Incident mit Auswirkung 1 von seinem Beginn bis zu seiner Lösung.</translation>
    </message>
    <message>
        <source>Mean satisfaction score (1–5) of incidents resolved in the period that have one.</source>
        <translation>Mittlere Zufriedenheitsbewertung (1–5) der im Zeitraum gelösten Incidents, sofern vorhanden.</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>target &lt; %1</source>
        <translation>Ziel &lt; %1</translation>
    </message>
    <message>
        <source>target &gt; %1</source>
        <translation>Ziel &gt; %1</translation>
    </message>
    <message>
        <source>no target</source>
        <translation>kein Ziel</translation>
    </message>
    <message>
        <source>vs previous day</source>
        <translation>ggü. Vortag</translation>
    </message>
    <message>
        <source>vs previous %1 days</source>
        <translation>ggü. vorherigen %1 Tagen</translation>
    </message>
    <message>
        <source>no data %1</source>
        <translation>keine Daten %1</translation>
    </message>
    <message>
        <source>= %1</source>
        <translation>= %1</translation>
    </message>
    <message>
        <source>%1 pts</source>
        <translation>%1 Pkt.</translation>
    </message>
    <message>
        <source>from 0</source>
        <translation>von 0</translation>
    </message>
    <message>
        <source>1 incident counted. Click to see it.</source>
        <translation>1 Incident gezählt. Zum Anzeigen klicken.</translation>
    </message>
    <message>
        <source>%1 incidents counted. Click to see them.</source>
        <translation>%1 Incidents gezählt. Zum Anzeigen klicken.</translation>
    </message>
</context>
<context>
    <name>nocturne::ui::MainWindow</name>
    <message>
        <source>Nocturne — incident operations console</source>
        <translation>Nocturne — Konsole für den Incident-Betrieb</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Incident</source>
        <translation>&amp;Incident</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Aktionen</translation>
    </message>
    <message>
        <source>Nocturne — database problem</source>
        <translation>Nocturne — Problem mit der Datenbank</translation>
    </message>
    <message>
        <source>Nocturne cannot open the incident database.</source>
        <translation>Nocturne kann die Incident-Datenbank nicht öffnen.</translation>
    </message>
    <message>
        <source>Nocturne lost access to the incident database.</source>
        <translation>Nocturne hat den Zugriff auf die Incident-Datenbank verloren.</translation>
    </message>
    <message>
        <source>About Nocturne</source>
        <translation>Über Nocturne</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Nocturne %1&lt;/h3&gt;&lt;p&gt;Nocturne — incident operations console.&lt;/p&gt;&lt;p&gt;Watch live incident queues, acknowledge, triage, assign and resolve, on a local database that works with no network at all.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Nocturne %1&lt;/h3&gt;&lt;p&gt;Nocturne — Konsole für den Incident-Betrieb.&lt;/p&gt;&lt;p&gt;Live-Incident-Queues beobachten, Incidents annehmen, sichten, zuweisen und lösen – auf einer lokalen Datenbank, die ganz ohne Netzwerk funktioniert.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Conflicts</source>
        <translation>&amp;Konflikte</translation>
    </message>
    <message>
        <source>Changes made here that the server refused</source>
        <translation>Hier vorgenommene Änderungen, die der Server abgelehnt hat</translation>
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation>&amp;Berichte</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>&amp;Dashboard</translation>
    </message>
    <message>
        <source>KPI dashboard (%1)</source>
        <translation>KPI-Dashboard (%1)</translation>
    </message>
    <message>
        <source>SLA clocks unavailable: %1</source>
        <translation>SLA-Uhren nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>Sync stopped: %1</source>
        <translation>Synchronisierung angehalten: %1</translation>
    </message>
</context>
<context>
    <name>nocturne::ui::MemoryCredentialStore</name>
    <message>
        <source>No token is kept for %1 in this session.</source>
        <translation>In dieser Sitzung ist kein Token für %1 hinterlegt.</translation>
    </message>
</context>
<context>
    <name>nocturne::ui::NewIncidentDialog</name>
    <message>
        <source>New incident</source>
        <translation>Neuer Incident</translation>
    </message>
    <message>
        <source>Describe what is wrong. The priority follows from impact and urgency.</source>
        <translation>Beschreiben Sie die Störung. Die Priorität ergibt sich aus Auswirkung und Dringlichkeit.</translation>
    </message>
    <message>
        <source>e.g. Sorter S2 jam at induction, throughput down</source>
        <translation>z. B. Sorter S2 staut an der Einschleusung, Durchsatz gesunken</translation>
    </message>
    <message>
        <source>Choose a service…</source>
        <translation>Service wählen…</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keins)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>(triage later)</source>
        <translation>(später zuweisen)</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>&amp;Service:</source>
        <translation>&amp;Service:</translation>
    </message>
    <message>
        <source>Configuration &amp;item:</source>
        <translation>Konfigurations&amp;element:</translation>
    </message>
    <message>
        <source>Si&amp;te:</source>
        <translation>&amp;Standort:</translation>
    </message>
    <message>
        <source>&amp;Impact:</source>
        <translation>&amp;Auswirkung:</translation>
    </message>
    <message>
        <source>&amp;Urgency:</source>
        <translation>&amp;Dringlichkeit:</translation>
    </message>
    <message>
        <source>Priority:</source>
        <translation>Priorität:</translation>
    </message>
    <message>
        <source>Assignment &amp;group:</source>
        <translation>Zuständige &amp;Gruppe:</translation>
    </message>
    <message>
        <source>&amp;Channel:</source>
        <translation>&amp;Kanal:</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Wählen…</translation>
    </message>
    <message>
        <source>1 - High</source>
        <translation>1 - Hoch</translation>
    </message>
    <message>
        <source>2 - Medium</source>
        <translation>2 - Mittel</translation>
    </message>
    <message>
        <source>3 - Low</source>
        <translation>3 - Niedrig</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 in %2</translation>
    </message>
    <message>
        <source>Choose impact and urgency</source>
        <translation>Auswirkung und Dringlichkeit wählen</translation>
    </message>
    <message>
        <source>Enter a title.</source>
        <translation>Titel eingeben.</translation>
    </message>
    <message>
        <source>Choose the affected service.</source>
        <translation>Betroffenen Service wählen.</translation>
    </message>
    <message>
        <source>Choose the impact.</source>
        <translation>Auswirkung wählen.</translation>
    </message>
    <message>
        <source>Choose the urgency.</source>
        <translation>Dringlichkeit wählen.</translation>
    </message>
</context>
<context>
    <name>nocturne::ui::NoteDialog</name>
    <message>
        <source>Enter some text.</source>
        <translation>Text eingeben.</translation>
    </message>
</context>
<context>
    <name>nocturne::ui::QueueView</name>
    <message>
        <source>Filter by number, title, service, CI, site or assignee</source>
        <translation>Nach Nummer, Titel, Service, CI, Standort oder Bearbeiter filtern</translation>
    </message>
    <message>
        <source>Opening the incident queue…</source>
        <translation>Incident-Queue wird geöffnet…</translation>
    </message>
    <message>
        <source>No incident in this queue matches “%1”.</source>
        <translation>Kein Incident in dieser Queue passt zu „%1“.</translation>
    </message>
    <message>
        <source>This queue is empty: no incident needs attention here.
Nocturne shows new incidents as soon as they are recorded.</source>
        <translation>Diese Queue ist leer: Hier braucht kein Incident Aufmerksamkeit.
Nocturne zeigt neue Incidents, sobald sie erfasst sind.</translation>
    </message>
</context>
<context>
    <name>nocturne::ui::ReportActions</name>
    <message>
        <source>Shift &amp;handover…</source>
        <translation>&amp;Schichtübergabe…</translation>
    </message>
    <message>
        <source>Export &amp;KPI report…</source>
        <translation>&amp;KPI-Bericht exportieren…</translation>
    </message>
    <message>
        <source>Export KPI report</source>
        <translation>KPI-Bericht exportieren</translation>
    </message>
    <message>
        <source>Could not compute the KPIs: %1</source>
        <translation>Die KPIs konnten nicht berechnet werden: %1</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
</context>
<context>
    <name>nocturne::ui::ResolveDialog</name>
    <message>
        <source>Resolve</source>
        <translation>Lösen</translation>
    </message>
    <message>
        <source>Resolution &amp;code:</source>
        <translation>Lösungs&amp;code:</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>&amp;Notizen:</translation>
    </message>
    <message>
        <source>Choose or type a resolution code.</source>
        <translation>Lösungscode wählen oder eingeben.</translation>
    </message>
</context>
<context>
    <name>nocturne::ui::SettingsDialog</name>
    <message>
        <source>Play a &amp;sound for SLA alerts</source>
        <translation>&amp;Ton bei SLA-Alarmen abspielen</translation>
    </message>
    <message>
        <source>&amp;Quiet hours</source>
        <translation>&amp;Ruhezeiten</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>P1 alerts repeat every few seconds and P2 alerts every twenty until the incident is acknowledged; other alerts sound once.</source>
        <translation>P1-Alarme ertönen alle paar Sekunden erneut, P2-Alarme alle zwanzig Sekunden, bis der Incident angenommen ist; andere Alarme ertönen einmal.</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <source>&amp;Until:</source>
        <translation>&amp;Bis:</translation>
    </message>
    <message>
        <source>In these hours (your local time) P3–P5 threshold alerts neither notify nor sound. P1 alerts and breaches always do.</source>
        <translation>In diesen Stunden (Ihre Ortszeit) lösen Schwellenwert-Alarme für P3–P5 weder Benachrichtigung noch Ton aus. P1-Alarme und SLA-Verletzungen immer.</translation>
    </message>
</context>
<context>
    <name>nocturne::ui::SlaPanel</name>
    <message>
        <source>%1 – now</source>
        <translation>%1 – jetzt</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Resolution (cycle %1)</source>
        <translation>Lösung (Zyklus %1)</translation>
    </message>
    <message>
        <source>▶ Running %1 (%2)</source>
        <translation>▶ Läuft %1 (%2)</translation>
    </message>
    <message>
        <source>not counting</source>
        <translation>zählt nicht</translation>
    </message>
    <message>
        <source>⏸ Paused, %1: %2</source>
        <translation>⏸ Pausiert, %1: %2</translation>
    </message>
    <message>
        <source>overdue %1</source>
        <translation>überfällig %1</translation>
    </message>
    <message>
        <source>Target:</source>
        <translation>Ziel:</translation>
    </message>
    <message>
        <source>Elapsed:</source>
        <translation>Verstrichen:</translation>
    </message>
    <message>
        <source>%1 business</source>
        <translation>%1 (Geschäftszeit)</translation>
    </message>
    <message>
        <source>Paused:</source>
        <translation>Pausiert:</translation>
    </message>
    <message>
        <source>Remaining:</source>
        <translation>Verbleibend:</translation>
    </message>
    <message>
        <source>Breached at %1</source>
        <translation>Verletzt am %1</translation>
    </message>
    <message>
        <source>Met at %1</source>
        <translation>Eingehalten am %1</translation>
    </message>
    <message>
        <source>Deadline %1</source>
        <translation>Frist %1</translation>
    </message>
    <message>
        <source>No deadline while paused</source>
        <translation>Keine Frist während der Pause</translation>
    </message>
    <message numerus="yes">
        <source>… %n earlier stretch(es)</source>
        <translation>
            <numerusform>… %n früherer Abschnitt</numerusform>
            <numerusform>… %n frühere Abschnitte</numerusform>
        </translation>
    </message>
    <message>
        <source>SLA</source>
        <translation>SLA</translation>
    </message>
    <message>
        <source>Loading the SLA clocks…</source>
        <translation>SLA-Uhren werden geladen…</translation>
    </message>
    <message>
        <source>No SLA policy applies to this incident.</source>
        <translation>Für diesen Incident gilt keine SLA-Richtlinie.</translation>
    </message>
    <message>
        <source>Policy: %1</source>
        <translation>Richtlinie: %1</translation>
    </message>
</context>
<context>
    <name>nocturne::ui::SyncStatusIndicator</name>
    <message>
        <source> · %1 waiting</source>
        <translation> · %1 wartend</translation>
    </message>
    <message>
        <source>1 conflict</source>
        <translation>1 Konflikt</translation>
    </message>
    <message>
        <source>%1 conflicts</source>
        <translation>%1 Konflikte</translation>
    </message>
    <message>
        <source>Standalone</source>
        <translation>Ohne Server</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Syncing %1</source>
        <translation>Synchronisiere %1</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synchronisiere…</translation>
    </message>
    <message>
        <source>Offline since %1</source>
        <translation>Offline seit %1</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Server refused the token</source>
        <translation>Server hat das Token abgelehnt</translation>
    </message>
    <message>
        <source>Working standalone on the local database. File ▸ Connect to server… connects it to a Nocturne server.</source>
        <translation>Arbeit ohne Server auf der lokalen Datenbank. Datei ▸ Mit Server verbinden… verbindet sie mit einem Nocturne-Server.</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>(nicht festgelegt)</translation>
    </message>
    <message>
        <source>Last synced: %1</source>
        <translation>Zuletzt synchronisiert: %1</translation>
    </message>
    <message>
        <source>Last synced: never</source>
        <translation>Zuletzt synchronisiert: nie</translation>
    </message>
    <message>
        <source>1 local change not yet on the server</source>
        <translation>1 lokale Änderung noch nicht auf dem Server</translation>
    </message>
    <message>
        <source>%1 local changes not yet on the server</source>
        <translation>%1 lokale Änderungen noch nicht auf dem Server</translation>
    </message>
    <message>
        <source>Server changes not yet here: %1</source>
        <translation>Serveränderungen noch nicht hier: %1</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Letzter Fehler: %1</translation>
    </message>
    <message>
        <source>Next attempt: %1</source>
        <translation>Nächster Versuch: %1</translation>
    </message>
    <message>
        <source>Events the server refused: open the conflicts view</source>
        <translation>Vom Server abgelehnte Ereignisse: Konfliktansicht öffnen</translation>
    </message>
</context>
<context>
    <name>nocturne::ui::TrayIndicator</name>
    <message>
        <source>Nocturne — no unacknowledged P1–P2 incident</source>
        <translation>Nocturne — alle P1–P2-Incidents angenommen</translation>
    </message>
    <message numerus="yes">
        <source>Nocturne — %n unacknowledged P1–P2 incident(s)</source>
        <translation>
            <numerusform>Nocturne — %n P1–P2-Incident nicht angenommen</numerusform>
            <numerusform>Nocturne — %n P1–P2-Incidents nicht angenommen</numerusform>
        </translation>
    </message>
</context>
</TS>
