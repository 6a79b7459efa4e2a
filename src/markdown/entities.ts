/** HTML character references and backslash escapes, decoded to plain text (never to markup). */

// The HTML 4 named references (Latin-1, Greek, maths, arrows, typography) plus the few HTML 5 ASCII names models
// emit, packed as name + character: 1.1 KB brotli where HTML 5's 2,125 names would cost 9 KB on the first open.
// Any other name stays literal, which is what CommonMark does for unknown names too.
const PACKED =
  'nbsp\u00a0iexcl¡cent¢pound£curren¤yen¥brvbar¦sect§uml¨copy©ordfªlaquo«not¬shy\u00adreg®macr¯deg°plusmn±sup2²' +
  'sup3³acute´microµpara¶middot·cedil¸sup1¹ordmºraquo»frac14¼frac12½frac34¾iquest¿AgraveÀAacuteÁAcircÂAtildeÃ' +
  'AumlÄAringÅAEligÆCcedilÇEgraveÈEacuteÉEcircÊEumlËIgraveÌIacuteÍIcircÎIumlÏETHÐNtildeÑOgraveÒOacuteÓOcircÔ' +
  'OtildeÕOumlÖtimes×OslashØUgraveÙUacuteÚUcircÛUumlÜYacuteÝTHORNÞszligßagraveàaacuteáacircâatildeãaumläaringå' +
  'aeligæccedilçegraveèeacuteéecircêeumlëigraveìiacuteíicircîiumlïethðntildeñograveòoacuteóocircôotildeõoumlö' +
  'divide÷oslashøugraveùuacuteúucircûuumlüyacuteýthornþyumlÿfnofƒAlphaΑBetaΒGammaΓDeltaΔEpsilonΕZetaΖEtaΗThetaΘ' +
  'IotaΙKappaΚLambdaΛMuΜNuΝXiΞOmicronΟPiΠRhoΡSigmaΣTauΤUpsilonΥPhiΦChiΧPsiΨOmegaΩalphaαbetaβgammaγdeltaδepsilonε' +
  'zetaζetaηthetaθiotaιkappaκlambdaλmuμnuνxiξomicronοpiπrhoρsigmafςsigmaσtauτupsilonυphiφchiχpsiψomegaωthetasymϑ' +
  'upsihϒpivϖbull•hellip…prime′Prime″oline‾frasl⁄weierp℘imageℑrealℜtrade™alefsymℵlarr←uarr↑rarr→darr↓harr↔crarr↵' +
  'lArr⇐uArr⇑rArr⇒dArr⇓hArr⇔forall∀part∂exist∃empty∅nabla∇isin∈notin∉ni∋prod∏sum∑minus−lowast∗radic√prop∝infin∞' +
  'ang∠and∧or∨cap∩cup∪int∫there4∴sim∼cong≅asymp≈ne≠equiv≡le≤ge≥sub⊂sup⊃nsub⊄sube⊆supe⊇oplus⊕otimes⊗perp⊥sdot⋅' +
  'lceil⌈rceil⌉lfloor⌊rfloor⌋lang⟨rang⟩loz◊spades♠clubs♣hearts♥diams♦quot"amp&lt<gt>OEligŒoeligœScaronŠscaronš' +
  'YumlŸcircˆtilde˜ensp\u2002emsp\u2003thinsp\u2009zwnj\u200czwj\u200dlrm\u200erlm\u200fndash–mdash—lsquo‘rsquo’' +
  'sbquo‚ldquo“rdquo”bdquo„dagger†Dagger‡permil‰lsaquo‹rsaquo›euro€apos\u0027colon:comma,period.excl!quest?num#' +
  'percnt%lpar(rpar)ast*plus+sol/semi;equals=lsqb[rsqb]lowbar_grave`lcub{rcub}verbar|check✓cross✗star☆starf★' +
  'larrb⇤rarrb⇥hyphen‐dash‐';
const NAMED = new Map([...PACKED.matchAll(/([A-Za-z][A-Za-z\d]*)([^A-Za-z\d])/gu)].map((m) => [m[1]!, m[2]!]));

/** A character reference as CommonMark reads it: named, decimal (1-7 digits) or hex (1-6 digits). */
export const REF_SOURCE = '&(#\\d{1,7}|#[xX][\\da-fA-F]{1,6}|[A-Za-z][A-Za-z\\d]{1,31});';
const REF = new RegExp(REF_SOURCE, 'g');
const ESCAPE_OR_REF = new RegExp('\\\\([!-/:-@[-`{-~])|' + REF_SOURCE, 'g');

/** Decodes the body of one character reference (`amp`, `#39`, `#x27`); null when it is not one. */
export function decodeEntity(body: string): string | null {
  if (body[0] !== '#') return NAMED.get(body) ?? null;
  const x = body[1] === 'x' || body[1] === 'X';
  const cp = parseInt(body.slice(x ? 2 : 1), x ? 16 : 10);
  // NUL, surrogates and out-of-range code points become U+FFFD, as HTML does.
  return String.fromCodePoint(!cp || cp > 0x10ffff || (cp >= 0xd800 && cp < 0xe000) ? 0xfffd : cp);
}

/** Decodes every character reference in `s`. */
export function decodeEntities(s: string): string {
  return s.includes('&') ? s.replace(REF, (m, b: string) => decodeEntity(b) ?? m) : s;
}

/** Decodes backslash escapes and character references in one pass, so `\&amp;` stays literal. */
export function unescapeText(s: string): string {
  return s.includes('\\') || s.includes('&') ? s.replace(ESCAPE_OR_REF, (m, e, b) => e ?? decodeEntity(b as string) ?? m) : s;
}
