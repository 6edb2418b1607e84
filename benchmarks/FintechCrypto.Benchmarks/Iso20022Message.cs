using System;
using System.Text;

namespace FintechCrypto.Benchmarks;

/// <summary>A 1 KiB payment message in the shape of an ISO 20022 pacs.008 credit transfer, the payload of the AEAD, MAC suites.</summary>
public static class Iso20022Message
{
    /// <summary>The size of a typical pacs.008 with one transaction, in bytes.</summary>
    public const int Size = 1024;

    /// <summary>Exactly <see cref="Size"/> bytes of UTF-8 XML (padded with a remittance-information line).</summary>
    public static byte[] Create()
    {
        const string head =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08\">"
            + "<FIToFICstmrCdtTrf><GrpHdr><MsgId>FCB-20260101-000001</MsgId><CreDtTm>2026-01-01T09:30:00Z</CreDtTm>"
            + "<NbOfTxs>1</NbOfTxs><SttlmInf><SttlmMtd>CLRG</SttlmMtd></SttlmInf></GrpHdr><CdtTrfTxInf><PmtId>"
            + "<EndToEndId>E2E-000001</EndToEndId><UETR>8a562c67-ca16-48ba-b074-65581be6f001</UETR></PmtId>"
            + "<IntrBkSttlmAmt Ccy=\"EUR\">12500.00</IntrBkSttlmAmt><ChrgBr>SLEV</ChrgBr><Dbtr><Nm>Example Debtor</Nm></Dbtr>"
            + "<DbtrAcct><Id><IBAN>DE89370400440532013000</IBAN></Id></DbtrAcct><DbtrAgt><FinInstnId><BICFI>DEUTDEFFXXX</BICFI>"
            + "</FinInstnId></DbtrAgt><CdtrAgt><FinInstnId><BICFI>BNPAFRPPXXX</BICFI></FinInstnId></CdtrAgt><Cdtr><Nm>Example Creditor</Nm>"
            + "</Cdtr><CdtrAcct><Id><IBAN>FR1420041010050500013M02606</IBAN></Id></CdtrAcct><RmtInf><Ustrd>";
        const string tail = "</Ustrd></RmtInf></CdtTrfTxInf></FIToFICstmrCdtTrf></Document>";
        int padding = Size - Encoding.UTF8.GetByteCount(head) - Encoding.UTF8.GetByteCount(tail);
        if (padding < 0)
        {
            throw new InvalidOperationException("The message template is longer than 1 KiB.");
        }

        byte[] message = Encoding.UTF8.GetBytes(head + new string('X', padding) + tail);
        return message.Length == Size ? message : throw new InvalidOperationException("The message is not 1 KiB.");
    }
}
