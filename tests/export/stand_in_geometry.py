"""A geometry written out by hand for the writer's unit tests, independent of the profile.

The goldens and the fidelity gate use the real profile; these tests check the writer's mechanics
(schema order, fonts, footers, atomic writes) with numbers the test states itself.
"""

from bulletin_desk.export.geometry import DocxGeometry, ElementStyle, FontNames, RuleStyle
from bulletin_desk.layout.page import BlockRole as R
from bulletin_desk.layout.page import Face as F

MM = 72 / 25.4
fonts = {F.XIAOBIAOSONG: FontNames("方正小标宋简体", "Times New Roman", "FZXiaoBiaoSong-B05S"),
         F.FANGSONG: FontNames("仿宋_GB2312", "Times New Roman", "FangSong_GB2312"),
         F.KAITI: FontNames("楷体_GB2312", "Times New Roman", "KaiTi_GB2312"),
         F.HEITI: FontNames("黑体", "Times New Roman", "SimHei"),
         F.SONGTI: FontNames("宋体", "Times New Roman", "SimSun"),
         F.LATIN: FontNames("Times New Roman", "Times New Roman")}
body = ElementStyle(F.FANGSONG, 16, first_line_chars=2, tracking_pt=-0.25)
el = {R.BODY: body,
      R.MASTHEAD: ElementStyle(F.XIAOBIAOSONG, 36, color="FF0000", align="center", line_pt=57.9, snap_to_grid=False),
      R.ISSUE_NUMBER: ElementStyle(F.FANGSONG, 16, align="center", snap_to_grid=False, tracking_pt=-0.25),
      R.OFFICE_DATE: ElementStyle(F.FANGSONG, 16, align="left", snap_to_grid=False, tracking_pt=-0.25),
      R.SECTION: ElementStyle(F.HEITI, 16, align="left", snap_to_grid=False, keep_next=True, tracking_pt=-0.25),
      R.TITLE: ElementStyle(F.XIAOBIAOSONG, 22, align="center", line_pt=28.95*2, snap_to_grid=False, keep_next=True),
      R.NOTE: ElementStyle(F.KAITI, 16, first_line_chars=2, tracking_pt=-0.25),
      R.H1: ElementStyle(F.HEITI, 16, first_line_chars=2, keep_next=True, tracking_pt=-0.25),
      R.H2: ElementStyle(F.KAITI, 16, first_line_chars=2, keep_next=True, tracking_pt=-0.25),
      R.SOURCE: ElementStyle(F.FANGSONG, 16, align="right", tracking_pt=-0.25),
      R.IMPRINT: ElementStyle(F.FANGSONG, 14, align="left", left_chars=1, right_chars=1, snap_to_grid=False),
      R.PAGE_NUMBER: ElementStyle(F.SONGTI, 14, align="right", snap_to_grid=False),
      }
GEO = DocxGeometry(210*MM, 297*MM, 37*MM, 26*MM, 35*MM, 28*MM, 15*MM, 24.7*MM, 28.95, fonts, el,
                   RuleStyle(2.25, "FF0000", 11), RuleStyle(1.0), RuleStyle(0.75),
                   not_line_start="!),.:;?]}¢·–—’”…‰、。〃〉》」』】〕〗〞︶︺︾﹀﹄﹚﹜﹞！＂％＇），．：；？］｝～",
                   not_line_end="([{£¥‘“〈《「『【〔〖〝﹙﹛﹝＄（．［｛￡￥")
