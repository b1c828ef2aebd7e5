<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_GB">
  <context>
    <name>Editing</name>
    <message numerus="yes">
      <source>Delete %n row(s)?</source>
      <translation>
        <numerusform>Delete %n row?</numerusform>
        <numerusform>Delete %n rows?</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Delete %n row(s)</source>
      <translation>
        <numerusform>Delete %n row</numerusform>
        <numerusform>Delete %n rows</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>Export</name>
    <message numerus="yes">
      <source>List as shown: %1 (%n row(s))</source>
      <translation>
        <numerusform>List as shown: %1 (%n row)</numerusform>
        <numerusform>List as shown: %1 (%n rows)</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>Lists</name>
    <message numerus="yes">
      <source>%n row(s) exported to %1</source>
      <translation>
        <numerusform>%n row exported to %1</numerusform>
        <numerusform>%n rows exported to %1</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>MembersPanel</name>
    <message numerus="yes">
      <source>Remove %n member(s)</source>
      <translation>
        <numerusform>Remove %n member</numerusform>
        <numerusform>Remove %n members</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>MergeDialog</name>
    <message numerus="yes">
      <source>%n member(s)</source>
      <translation>
        <numerusform>%n member</numerusform>
        <numerusform>%n members</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n agreement(s)</source>
      <translation>
        <numerusform>%n agreement</numerusform>
        <numerusform>%n agreements</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n decision(s)</source>
      <translation>
        <numerusform>%n decision</numerusform>
        <numerusform>%n decisions</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n decision member(s)</source>
      <translation>
        <numerusform>%n decision member</numerusform>
        <numerusform>%n decision members</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>RowCount</name>
    <message numerus="yes">
      <source>%n municipality(s)</source>
      <translation>
        <numerusform>%n municipality</numerusform>
        <numerusform>%n municipalities</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n regiegebied(en)</source>
      <translation>
        <numerusform>%n regiegebied</numerusform>
        <numerusform>%n regiegebieden</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n agreement(s)</source>
      <translation>
        <numerusform>%n agreement</numerusform>
        <numerusform>%n agreements</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n shown</source>
      <translation>
        <numerusform>%n shown</numerusform>
        <numerusform>%n shown</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>TableModel</name>
    <message numerus="yes">
      <source>Clear %n cell(s)</source>
      <translation>
        <numerusform>Clear %n cell</numerusform>
        <numerusform>Clear %n cells</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Paste %n cell(s)</source>
      <translation>
        <numerusform>Paste %n cell</numerusform>
        <numerusform>Paste %n cells</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>Team</name>
    <message numerus="yes">
      <source>%n change(s) waiting</source>
      <translation>
        <numerusform>%n change waiting</numerusform>
        <numerusform>%n changes waiting</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n conflict(s)</source>
      <translation>
        <numerusform>%n conflict</numerusform>
        <numerusform>%n conflicts</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n refused change(s)</source>
      <translation>
        <numerusform>%n refused change</numerusform>
        <numerusform>%n refused changes</numerusform>
      </translation>
    </message>
  </context>
</TS>