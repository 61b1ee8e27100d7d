package dev.convergence.core.tenant;

import dev.convergence.core.config.Require;
import dev.convergence.core.provider.Provider;
import dev.convergence.core.store.ObjectKeys;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One provider a tenant is enabled for: the billing accounts whose data it sends, and the
 * object-store prefix its exports land under.
 *
 * @param landingPrefix a key prefix ending in {@code /}, for example {@code landing/acme/aws/}
 */
public record ProviderAccount(
    Provider provider, List<String> billingAccounts, String landingPrefix) {

  private static final Pattern BILLING_ACCOUNT =
      Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}");

  public ProviderAccount {
    Require.present(provider, "provider");
    billingAccounts = Require.listOrEmpty(billingAccounts);
    Require.that(
        !billingAccounts.isEmpty(),
        "billing_accounts",
        "must list at least one billing account id");
    for (String account : billingAccounts) {
      Require.matches(
          account,
          BILLING_ACCOUNT,
          "billing_accounts",
          "1 to 128 letters, digits or . _ : / -, starting with a letter or digit");
    }
    Require.that(
        new HashSet<>(billingAccounts).size() == billingAccounts.size(),
        "billing_accounts",
        "lists an account more than once");
    Require.present(landingPrefix, "landing_prefix");
    String problem = ObjectKeys.problem(landingPrefix, true);
    Require.that(
        problem == null && landingPrefix.endsWith("/"),
        "landing_prefix",
        "must be an object-store key prefix ending in '/', such as"
            + " landing/acme/aws/; got '"
            + landingPrefix
            + "'"
            + (problem == null ? "" : " (" + problem + ")"));
  }

  /** Whether {@code prefix} lies under this landing prefix. */
  public boolean containsPrefix(String prefix) {
    return prefix.startsWith(landingPrefix);
  }
}
