#include "pdfmeta.h"

#include <errno.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "srgb_icc.h"
#include "strbuf.h"
#include "utf8.h"

#ifndef PLANPRESS_VERSION
#define PLANPRESS_VERSION "0.1.0"
#endif

#define CREATOR "planpress " PLANPRESS_VERSION
#define PRODUCER "libharu 2.3.0"

/* ---- strings ------------------------------------------------------------- */

static void put_u16(unsigned char *buf, size_t *n, uint32_t v)
{
    buf[(*n)++] = (unsigned char)(v >> 8);
    buf[(*n)++] = (unsigned char)v;
}

/* PDFDocEncoding agrees with ISO-8859-1 on printable ASCII and on
 * U+00A1 … U+00FF but for the soft hyphen. */
static bool pdfdoc_char(uint32_t cp)
{
    return (cp >= 0x20 && cp < 0x7F) || (cp >= 0xA1 && cp <= 0xFF && cp != 0xAD);
}

bool pdfmeta_pdfdoc(const char *utf8, char *out, size_t room)
{
    size_t len = strlen(utf8), n = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp = utf8_next(utf8, len, &i);
        if (!pdfdoc_char(cp) || n + 1 >= room)
            return false;
        out[n++] = (char)cp;
    }
    out[n] = '\0';
    return true;
}

void *pdfmeta_text_string(HPDF_MMgr mmgr, const char *utf8)
{
    size_t len = strlen(utf8);
    char *latin = malloc(len + 1);
    if (latin && pdfmeta_pdfdoc(utf8, latin, len + 1)) {
        void *s = HPDF_String_New(mmgr, latin, NULL);
        free(latin);
        return s;
    }
    free(latin);
    unsigned char *buf = malloc(2 + 4 * len);
    if (!buf)
        return NULL;
    size_t n = 0;
    put_u16(buf, &n, 0xFEFF);
    for (size_t i = 0; i < len;) {
        uint32_t cp = utf8_next(utf8, len, &i);
        if (cp >= 0x10000) {
            put_u16(buf, &n, 0xD800 + ((cp - 0x10000) >> 10));
            put_u16(buf, &n, 0xDC00 + ((cp - 0x10000) & 0x3FF));
        } else {
            put_u16(buf, &n, cp);
        }
    }
    HPDF_Binary b = HPDF_Binary_New(mmgr, buf, (HPDF_UINT)n);
    free(buf);
    return b;
}

void pdfmeta_xml_escape(strbuf *out, const char *s)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        switch (c) {
        case '&': strbuf_puts(out, "&amp;"); break;
        case '<': strbuf_puts(out, "&lt;"); break;
        case '>': strbuf_puts(out, "&gt;"); break;
        case '"': strbuf_puts(out, "&quot;"); break;
        case '\'': strbuf_puts(out, "&apos;"); break;
        default:
            if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r')
                strbuf_putc(out, (char)c);
        }
    }
}

/* ---- dates --------------------------------------------------------------- */

/* SOURCE_DATE_EPOCH as broken-down UTC time; false when it is unset or not
 * a number (warned of). */
static bool source_date(const char *name, struct tm *tm, diag_list *dl)
{
    const char *epoch = getenv("SOURCE_DATE_EPOCH");
    if (!epoch || !*epoch)
        return false;
    char *end;
    errno = 0;
    long long secs = strtoll(epoch, &end, 10);
    time_t t = (time_t)secs;
    if (*end || errno || secs < 0 || !gmtime_r(&t, tm) || tm->tm_year + 1900 > 9999) {
        diag_add(dl, DIAG_WARNING, name, 0, 0, NULL,
                 "SOURCE_DATE_EPOCH=\"%s\" is not a number of seconds since 1970: the PDF is "
                 "left undated",
                 epoch);
        return false;
    }
    return true;
}

/* ---- the info dictionary ------------------------------------------------- */

static void write_info(HPDF_Doc pdf, const pdf_metadata *meta, const struct tm *date)
{
    HPDF_SetInfoAttr(pdf, HPDF_INFO_CREATOR, CREATOR);
    HPDF_SetInfoAttr(pdf, HPDF_INFO_PRODUCER, PRODUCER);
    const char *keys[] = {"Title", "Author", "Subject", "Keywords"};
    const char *values[] = {meta->title, meta->author, meta->subject, meta->keywords};
    for (int i = 0; i < 4; i++)
        if (values[i] && *values[i] && pdf->info)
            HPDF_Dict_Add(pdf->info, keys[i], pdfmeta_text_string(pdf->mmgr, values[i]));
    if (date && pdf->info) {
        char d[24];
        strftime(d, sizeof d, "D:%Y%m%d%H%M%SZ", date);
        HPDF_Dict_Add(pdf->info, "CreationDate", HPDF_String_New(pdf->mmgr, d, NULL));
        HPDF_Dict_Add(pdf->info, "ModDate", HPDF_String_New(pdf->mmgr, d, NULL));
    }
}

/* ---- XMP ------------------------------------------------------------------ */

static void xmp_element(strbuf *x, const char *tag, const char *container, const char *value,
                        bool lang)
{
    if (!value || !*value)
        return;
    strbuf_printf(x, "   <%s>", tag);
    if (container)
        strbuf_printf(x, "<rdf:%s><rdf:li%s>", container, lang ? " xml:lang=\"x-default\"" : "");
    pdfmeta_xml_escape(x, value);
    if (container)
        strbuf_printf(x, "</rdf:li></rdf:%s>", container);
    strbuf_printf(x, "</%s>\n", tag);
}

/* PDF/A-2 wants every property outside its predefined schemas described;
 * pdfuaid is such a property (ISO 14289-1, 5). */
static const char pdfua_extension[] =
    "  <rdf:Description rdf:about=\"\"\n"
    "    xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"\n"
    "    xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"\n"
    "    xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n"
    "   <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n"
    "    <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n"
    "    <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n"
    "    <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n"
    "    <pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\n"
    "     <pdfaProperty:name>part</pdfaProperty:name>\n"
    "     <pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n"
    "     <pdfaProperty:category>internal</pdfaProperty:category>\n"
    "     <pdfaProperty:description>Indicates, which part of ISO 14289 standard is "
    "followed</pdfaProperty:description>\n"
    "    </rdf:li></rdf:Seq></pdfaSchema:property>\n"
    "   </rdf:li></rdf:Bag></pdfaExtension:schemas>\n"
    "  </rdf:Description>\n";

static void build_xmp(strbuf *x, const pdf_metadata *meta, pdfmeta_claim claim,
                      const struct tm *date)
{
    strbuf_puts(x, "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                   "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                   " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                   "  <rdf:Description rdf:about=\"\"\n"
                   "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
                   "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
                   "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
                   "    xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"");
    if (claim == PDFMETA_PDFA_2A_UA)
        strbuf_puts(x, "\n    xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"");
    strbuf_puts(x, ">\n   <dc:format>application/pdf</dc:format>\n");
    xmp_element(x, "dc:title", "Alt", meta->title, true);
    xmp_element(x, "dc:creator", "Seq", meta->author, false);
    xmp_element(x, "dc:description", "Alt", meta->subject, true);
    xmp_element(x, "dc:language", "Bag", meta->language, false);
    xmp_element(x, "pdf:Keywords", NULL, meta->keywords, false);
    xmp_element(x, "pdf:Producer", NULL, PRODUCER, false);
    xmp_element(x, "xmp:CreatorTool", NULL, CREATOR, false);
    if (date) {
        char d[32];
        strftime(d, sizeof d, "%Y-%m-%dT%H:%M:%SZ", date);
        xmp_element(x, "xmp:CreateDate", NULL, d, false);
        xmp_element(x, "xmp:ModifyDate", NULL, d, false);
        xmp_element(x, "xmp:MetadataDate", NULL, d, false);
    }
    strbuf_printf(x, "   <pdfaid:part>2</pdfaid:part>\n   <pdfaid:conformance>%s</pdfaid:conformance>\n",
                  claim == PDFMETA_PDFA_2A_UA ? "A" : "B");
    if (claim == PDFMETA_PDFA_2A_UA)
        strbuf_puts(x, "   <pdfuaid:part>1</pdfuaid:part>\n");
    strbuf_puts(x, "  </rdf:Description>\n");
    if (claim == PDFMETA_PDFA_2A_UA)
        strbuf_puts(x, pdfua_extension);
    strbuf_puts(x, " </rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>");
}

/* An uncompressed metadata stream, as PDF/A wants it. */
static bool write_xmp(HPDF_Doc pdf, pdf_streams *streams, const pdf_metadata *meta,
                      pdfmeta_claim claim, const struct tm *date)
{
    strbuf x = {0};
    build_xmp(&x, meta, claim, date);
    HPDF_Dict stream = x.data ? pdfstream_new_uncompressed(streams, x.data, x.len) : NULL;
    bool ok = stream && HPDF_Dict_AddName(stream, "Type", "Metadata") == HPDF_OK &&
              HPDF_Dict_AddName(stream, "Subtype", "XML") == HPDF_OK &&
              HPDF_Dict_Add(pdf->catalog, "Metadata", stream) == HPDF_OK;
    strbuf_free(&x);
    return ok;
}

/* ---- output intent, catalog, identifier ---------------------------------- */

static bool write_output_intent(HPDF_Doc pdf, pdf_streams *streams)
{
    HPDF_Dict profile = pdfstream_new_deflated(streams, srgb_icc_deflated, srgb_icc_deflated_len);
    HPDF_Dict intent = HPDF_Dict_New(pdf->mmgr);
    HPDF_Array intents = HPDF_Array_New(pdf->mmgr);
    if (!profile || !intent || !intents || HPDF_Dict_AddNumber(profile, "N", 3) != HPDF_OK)
        return false;
    HPDF_Dict_AddName(intent, "Type", "OutputIntent");
    HPDF_Dict_AddName(intent, "S", "GTS_PDFA1");
    HPDF_Dict_Add(intent, "OutputConditionIdentifier",
                  HPDF_String_New(pdf->mmgr, "sRGB IEC61966-2.1", NULL));
    HPDF_Dict_Add(intent, "Info", HPDF_String_New(pdf->mmgr, "sRGB IEC61966-2.1", NULL));
    HPDF_Dict_Add(intent, "DestOutputProfile", profile);
    return HPDF_Array_Add(intents, intent) == HPDF_OK &&
           HPDF_Dict_Add(pdf->catalog, "OutputIntents", intents) == HPDF_OK;
}

static void write_catalog_entries(HPDF_Doc pdf, const pdf_metadata *meta, pdfmeta_claim claim)
{
    if (meta->language && *meta->language)
        HPDF_Dict_Add(pdf->catalog, "Lang", HPDF_String_New(pdf->mmgr, meta->language, NULL));
    HPDF_Dict prefs = HPDF_Dict_New(pdf->mmgr);
    if (prefs && HPDF_Dict_Add(pdf->catalog, "ViewerPreferences", prefs) == HPDF_OK)
        HPDF_Dict_AddBoolean(prefs, "DisplayDocTitle", HPDF_TRUE);
    if (claim == PDFMETA_PDFA_2A_UA) {
        HPDF_Dict mark = HPDF_Dict_New(pdf->mmgr);
        if (mark && HPDF_Dict_Add(pdf->catalog, "MarkInfo", mark) == HPDF_OK)
            HPDF_Dict_AddBoolean(mark, "Marked", HPDF_TRUE);
    }
}

bool pdfmeta_write(HPDF_Doc pdf, pdf_streams *streams, const pdf_metadata *meta,
                   pdfmeta_claim claim, const char *name, diag_list *dl)
{
    struct tm tm;
    const struct tm *date = source_date(name, &tm, dl) ? &tm : NULL;
    write_info(pdf, meta, date);
    write_catalog_entries(pdf, meta, claim);
    return write_xmp(pdf, streams, meta, claim, date) && write_output_intent(pdf, streams);
}
