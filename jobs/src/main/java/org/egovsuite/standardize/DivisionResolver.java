package org.egovsuite.standardize;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Resolves Chinese province- and prefecture-level names and codes to the NBS division table: with
 * or without suffixes (浙江 / 浙江省 / 浙江省人民政府), autonomous regions in full or short (广西壮族自治区 / 广西),
 * autonomous prefectures (延边朝鲜族自治州 / 延边), 2-, 4-, 6-, 9- and 12-digit codes, aliases from config
 * (襄樊 → 襄阳市) and extra units (新疆生产建设兵团). The table's placeholder rows (市辖区, 县, 省直辖县级行政区划) are never
 * matched by name; a municipality's 市辖区 row stands for the municipality at prefecture level (北京市,
 * 110100), and the county-level units a province administers directly (省直辖县级行政区划: 仙桃市, 济源市, the
 * Hainan counties, the 兵团 cities) count as prefecture-level units with their own 6-digit code, as
 * the census lists them. Codes returned are 6 digits: 330000 for a province, 330100 for a
 * prefecture, 429004 for a directly administered county-level city.
 */
public final class DivisionResolver implements Serializable {
  static final Set<String> PLACEHOLDERS = Set.of("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划");
  static final Set<String> MUNICIPALITIES = Set.of("11", "12", "31", "50");
  private static final Pattern PROVINCE_SUFFIX = Pattern.compile("(省|市|(壮族|回族|维吾尔)?自治区|特别行政区)$");
  private static final Pattern CITY_SUFFIX =
      Pattern.compile(
          "(((朝鲜|土家|苗|藏|羌|彝|布依|侗|壮|哈尼|傣|景颇|白|傈僳|回|蒙古|哈萨克|柯尔克孜|黎)族?)+自治[州县]|自治州|地区|盟|市|县)$");
  private static final Set<String> DIRECT_COUNTY_LEVEL = Set.of("省直辖县级行政区划", "自治区直辖县级行政区划");
  private static final Pattern GOVERNMENT = Pattern.compile("(人民政府|政府)$");
  private static final Pattern CODE = Pattern.compile("\\d{2}|\\d{4}|\\d{6}|\\d{9}|\\d{12}");

  private final NameIndex provinces = new NameIndex();
  private final NameIndex cities = new NameIndex();
  private final Map<String, Resolution> provinceCodes = new HashMap<>();
  private final Map<String, Resolution> cityCodes = new HashMap<>();

  /**
   * @param provinceRows code (2 digits), name
   * @param cityRows code (4 digits), name
   * @param areaRows code (6 digits), name, city code (4 digits)
   */
  DivisionResolver(
      List<String[]> provinceRows,
      List<String[]> cityRows,
      List<String[]> areaRows,
      List<Extra> extras,
      Map<String, String> provinceAliases,
      Map<String, String> cityAliases) {
    for (String[] row : provinceRows) {
      addProvince(row[0], row[1], List.of());
    }
    extras.forEach(e -> addProvince(e.code(), e.name(), e.aliases()));
    Set<String> directCountyLevel = new java.util.HashSet<>();
    for (String[] row : cityRows) {
      addCity(row[0], row[1]);
      if (DIRECT_COUNTY_LEVEL.contains(row[1])) {
        directCountyLevel.add(row[0]);
      }
    }
    for (String[] row : areaRows) {
      if (directCountyLevel.contains(row[2])) {
        addUnit(row[0], row[1]);
      }
    }
    provinceAliases.forEach(
        (alias, name) -> provinces.add(alias, withMethod(provinces.find(name), "alias")));
    cityAliases.forEach((alias, name) -> cities.add(alias, withMethod(cities.find(name), "alias")));
  }

  /** A province-level unit the NBS table lacks. */
  public record Extra(String code, String name, List<String> aliases) implements Serializable {}

  private void addProvince(String code, String name, List<String> aliases) {
    Resolution unit = new Resolution(code + "0000", name, "name");
    provinceCodes.put(code, unit);
    provinces.add(name, unit);
    provinces.add(PROVINCE_SUFFIX.matcher(name).replaceFirst(""), withMethod(unit, "short_name"));
    aliases.forEach(a -> provinces.add(a, withMethod(unit, "alias")));
  }

  private void addCity(String code, String name) {
    String province = code.substring(0, 2);
    if (PLACEHOLDERS.contains(name)) {
      if (!name.equals("市辖区") || !MUNICIPALITIES.contains(province)) {
        return;
      }
      name = provinceCodes.get(province).name();
    }
    addUnit(code + "00", name);
  }

  private void addUnit(String code6, String name) {
    Resolution unit = new Resolution(code6, name, "name");
    cityCodes.put(code6, unit);
    cities.add(name, unit);
    cities.add(CITY_SUFFIX.matcher(name).replaceFirst(""), withMethod(unit, "short_name"));
  }

  private static Resolution withMethod(Resolution unit, String method) {
    if (unit == null) {
      throw new IllegalArgumentException("alias points to an unknown unit");
    }
    return new Resolution(unit.code(), unit.name(), method);
  }

  /** The province of a name or code; null when unknown or ambiguous. */
  public Resolution province(String text) {
    String key = fold(text);
    if (key == null) {
      return null;
    }
    if (CODE.matcher(key).matches()) {
      Resolution unit = provinceCodes.get(key.substring(0, 2));
      return unit == null ? null : withMethod(unit, "code");
    }
    return lookup(provinces, key, PROVINCE_SUFFIX);
  }

  /** The prefecture-level unit of a name or code; null when unknown or ambiguous. */
  public Resolution city(String text) {
    String key = fold(text);
    if (key == null) {
      return null;
    }
    if (CODE.matcher(key).matches()) {
      Resolution unit = key.length() >= 6 ? cityCodes.get(key.substring(0, 6)) : null;
      if (unit == null && key.length() >= 4) {
        unit = cityCodes.get(key.substring(0, 4) + "00");
      }
      return unit == null ? null : withMethod(unit, "code");
    }
    return lookup(cities, key, CITY_SUFFIX);
  }

  public List<String> provinceCandidates(String text) {
    return provinces.closest(fold(text), 3);
  }

  public List<String> cityCandidates(String text) {
    return cities.closest(fold(text), 3);
  }

  private static Resolution lookup(NameIndex index, String key, Pattern suffix) {
    Resolution found = index.find(key);
    if (found != null || index.isAmbiguous(key)) {
      return found;
    }
    String withoutGovernment = GOVERNMENT.matcher(key).replaceFirst("");
    found = index.find(withoutGovernment);
    if (found != null || index.isAmbiguous(withoutGovernment)) {
      return found;
    }
    return index.find(suffix.matcher(withoutGovernment).replaceFirst(""));
  }

  private static String fold(String text) {
    if (text == null) {
      return null;
    }
    String folded = TextFolding.text(text).replace(" ", "");
    return folded.isEmpty() ? null : folded;
  }
}
