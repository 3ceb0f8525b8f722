"""The fill form's look: large type, a highlighted current item, coloured answers."""

FILL_QSS = """
#fillWindow { font-size: 15px; }
#fillTitle { font-size: 20px; font-weight: 600; }
#itemCard { border: 1px solid palette(mid); border-radius: 8px; background: palette(base); }
#itemCard[current="true"] { border: 3px solid #2a7ae2; background: #eef5ff; }
#itemText { font-size: 16px; }
#itemGuidance { color: palette(dark); font-style: italic; }
#criticalBadge { color: white; background: #c0392b; border-radius: 4px; padding: 2px 6px; }
#stopwatchDisplay { font-size: 22px; font-family: monospace; }
#readOnlyBanner { background: #fff4d6; border: 1px solid #e0b84c; padding: 6px; }
#submitButton { font-weight: 600; }
QPushButton#answerButton { font-size: 16px; }
QPushButton#answerButton:checked { background: #2a7ae2; color: white; border: none; }
QPushButton#answerButton[answer="yes"]:checked { background: #1b7f3b; }
QPushButton#answerButton[answer="no"]:checked { background: #c0392b; }
QPushButton#answerButton[answer="na"]:checked { background: #6c7a89; }
QListWidget::item { padding: 6px 4px; }
"""
