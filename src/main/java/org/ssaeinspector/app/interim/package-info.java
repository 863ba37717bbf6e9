/**
 * Stand-ins for the dataset, evaluation and export packages while those are built on other
 * branches. Each implements an app port ({@code app.service}); once the real packages are merged
 * the ports are wired to them and this package is deleted.
 */
package org.ssaeinspector.app.interim;
