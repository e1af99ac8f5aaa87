package org.egovsuite.publish.brief;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;

/**
 * The fonts of a brief, inside its HTML: each font of {@code data/fonts} cut by FontBox's subsetter
 * to the characters the page uses (a few hundred glyphs of a 28,000-glyph CJK font, tens of
 * kilobytes) and placed as a base64 {@code @font-face}, so the brief renders the same on a machine
 * without Chinese fonts and offline. The templates name the families first in their font stacks.
 */
final class EmbeddedFonts {
  /** Family name and file under the project home, in the order a character is looked up. */
  record Font(String family, String file) {}

  static final List<Font> FONTS =
      List.of(
          new Font("EgovBriefLatin", "data/fonts/DejaVuSans.ttf"),
          new Font("EgovBriefCJK", "data/fonts/DroidSansFallbackFull.ttf"));

  /** The {@code @font-face} rules, and the characters no font has (whitespace aside). */
  record Faces(String css, Set<Integer> missing, List<String> absentFiles) {}

  private EmbeddedFonts() {}

  /**
   * The page with its fonts inside, before {@code </head>}; where the font files are absent (a
   * packaged home) the page is left to the reader's fonts ({@link Faces#absentFiles()}).
   */
  static Embedded embed(Path home, String html) {
    int head = html.indexOf("</head>");
    Faces faces = of(home, html);
    String out =
        head < 0
            ? html
            : html.substring(0, head)
                + "<style>\n"
                + faces.css()
                + "</style>\n"
                + html.substring(head);
    return new Embedded(out, faces);
  }

  record Embedded(String html, Faces faces) {}

  static Faces of(Path home, String text) {
    Set<Integer> wanted = new TreeSet<>();
    text.codePoints()
        .filter(c -> !Character.isWhitespace(c) && !Character.isISOControl(c))
        .forEach(wanted::add);
    StringBuilder css = new StringBuilder();
    List<String> absent = new java.util.ArrayList<>();
    for (Font font : FONTS) {
      Path file = home.resolve(font.file());
      if (!Files.isRegularFile(file)) {
        absent.add(font.file());
        continue;
      }
      try (TrueTypeFont ttf =
          new TTFParser().parse(new RandomAccessReadBufferedFile(file.toFile()))) {
        CmapLookup cmap = ttf.getUnicodeCmapLookup();
        Set<Integer> here = new TreeSet<>();
        for (int c : wanted) {
          if (cmap.getGlyphId(c) != 0) {
            here.add(c);
          }
        }
        if (here.isEmpty()) {
          continue;
        }
        TTFSubsetter subsetter = new TTFSubsetter(ttf);
        subsetter.addAll(here);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        subsetter.writeToStream(out);
        css.append("@font-face{font-family:\"")
            .append(font.family())
            .append("\";src:url(data:font/ttf;base64,")
            .append(Base64.getEncoder().encodeToString(out.toByteArray()))
            .append(") format(\"truetype\")}\n");
        wanted.removeAll(here);
      } catch (IOException e) {
        throw new UncheckedIOException(
            file + ": not a TrueType font FontBox can read: " + e.getMessage(), e);
      }
    }
    return new Faces(css.toString(), wanted, absent);
  }
}
