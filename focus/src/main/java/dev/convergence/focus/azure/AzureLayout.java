package dev.convergence.focus.azure;

/**
 * The agreement an Azure cost export comes from. Column names are matched ignoring case, so the two
 * differ only where the data does: an MCA invoice is issued per billing profile, so its
 * BillingAccountId is the billing profile; an EA invoice is issued per enrollment (billing
 * account).
 */
public enum AzureLayout {
  /** Enterprise Agreement. */
  EA,
  /** Microsoft Customer Agreement. */
  MCA
}
