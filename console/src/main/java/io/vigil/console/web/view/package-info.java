/**
 * What the HTML templates ({@code src/main/jte}) are given: plain records, already in words and formatted
 * times, so templates hold no logic beyond loops and conditions. jte escapes every value by default for
 * where it is written (text, attribute, URL), so no code here or in a template escapes by hand.
 */
package io.vigil.console.web.view;
